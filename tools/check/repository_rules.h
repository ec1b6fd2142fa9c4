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

// `all_paths`: every brief in the repository (for slugs); `checked`: the
// briefs whose findings are wanted.
void check_repository_rules(const Source& source, const std::vector<std::string>& all_paths,
                            const std::vector<BriefFacts>& checked, std::vector<Finding>& out);

}  // namespace prfaq
