#pragma once
// The site theme: Mustache templates, CSS and JS. The default theme
// (site-theme/ in prfaq's sources) is built into the binary; a briefs
// repository's own site-theme/ overrides it file by file and may add assets.
// Read through the Source, so a build at a revision uses that revision's
// theme. Template files are checked when the theme loads: a Mustache syntax
// error is Fatal naming the file.
#include <map>
#include <string>
#include <vector>

#include "source/source.h"

namespace prfaq {

class Theme {
 public:
  static Theme load(const Source& source);
  static Theme builtin();

  // A template by name ("brief" -> templates/brief.html). Fatal when missing.
  const std::string& template_text(std::string_view name) const;
  // Where a template came from, for messages ("site-theme/templates/brief.html", or "built-in ...").
  std::string origin(std::string_view name) const;
  // Files under assets/, copied to the site's assets/ folder: (path under assets/, bytes).
  std::vector<std::pair<std::string, const std::string*>> assets() const;
  // A hash of every file: pages rendered with another theme are re-rendered.
  const std::string& hash() const { return hash_; }
  // What load() passed over, for the driver to print as warnings: "not used:
  // site-theme/templates/404.html is a symbolic link (prfaq follows none)".
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  struct File {
    std::string bytes;
    bool overridden = false;
  };
  void finish();
  std::map<std::string, File> files_;  // path under site-theme/
  std::string hash_;
  std::vector<std::string> warnings_;
};

}  // namespace prfaq
