#pragma once
// Rules over the whole set of briefs: slug-collision, related-unknown,
// link-broken, image-missing. They see only the small facts a brief leaves
// behind (BriefFacts), so the briefs themselves need not stay in memory.
#include <string>
#include <vector>

#include "check/finding.h"
#include "load/brief.h"
#include "source/source.h"

namespace prfaq {

struct BriefFacts {
  std::string path, slug, dir;
  std::vector<Located<std::string>> related;
  std::vector<Link> links;                  // Markdown links and images
  std::vector<Located<std::string>> screens;  // journey screens
};

BriefFacts facts_of(const Brief& b);

// The rules for one brief at a time against every brief's slug, so that
// each worker of a check runs them on the brief it has just checked rather
// than all of them waiting, on one thread, for the last brief. Built once
// per check from every brief's path; check() may then be called from
// several threads at once. `all_paths` must outlive it.
class RepositoryRules {
 public:
  // `checked`: how many briefs check() will see (a few: the slugs are
  // scanned per lookup; many: sorted once and searched). `listed`, when
  // given: the sorted listing of `source`'s content/ (Listing::files), which
  // answers most links and images without asking the source; a path not in
  // it is still asked. Both must outlive this.
  RepositoryRules(const Source& source, const std::vector<std::string>& all_paths, std::size_t checked,
                  const std::vector<std::string>* listed = nullptr);
  // Appends the findings of brief `f` to `out`.
  void check(const BriefFacts& f, std::vector<Finding>& out) const;

 private:
  struct Slug {
    std::string_view slug;  // a view into its path
    const std::string* path;
    std::string_view key;   // the slug in lower case (ASCII), a view into keys_
  };
  std::vector<const Slug*> same_ci(std::string_view slug) const;  // the slugs equal to `slug` but for case
  bool has_slug(std::string_view slug) const;
  bool exists(const std::string& path) const;   // a file or folder ("": the root)
  bool is_file(const std::string& path) const;  // a regular file
  // link-broken or image-missing for one link, image or journey screen.
  void check_reference(const BriefFacts& f, const std::string& raw, Position pos, bool image, Emitter& emit) const;
  const Source& source_;
  const std::vector<std::string>* listed_ = nullptr;
  std::string keys_;  // every slug in lower case, one after the other
  std::vector<Slug> slugs_;
  bool sorted_ = false;
};

// `all_paths`: every brief in the repository (for slugs); `checked`: the
// briefs whose findings are wanted.
void check_repository_rules(const Source& source, const std::vector<std::string>& all_paths,
                            const std::vector<BriefFacts>& checked, std::vector<Finding>& out);

}  // namespace prfaq
