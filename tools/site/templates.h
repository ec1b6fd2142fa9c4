#pragma once
// Mustache rendering for the site: the theme's templates parsed once per
// thread (kainjow's renderer keeps state while rendering, so threads do not
// share one), every page wrapped in templates/layout.html. Values set with
// text() are escaped by Mustache ({{x}}), with util/escape_markup.h; only
// HTML prfaq rendered itself (Markdown, SVG) is written raw ({{{x}}}).
#include <kainjow/mustache.hpp>

#include <map>
#include <memory>
#include <string>

#include "site/theme.h"

namespace prfaq {

using Data = kainjow::mustache::data;

// Sets `key` to `value`, or to false when empty, so that {{#key}} sections
// skip empty values (Mustache treats an empty string as true) and a missing
// key never falls through to an enclosing context.
void text(Data& d, const std::string& key, const std::string& value);
Data list_data();
Data object_data();
// kainjow's data copies whatever it is given (deeply, for lists and
// objects); a page's data holds whole rendered sections, so these move
// instead. They reach into the data's own containers, which kainjow only
// exposes as const references to objects it allocated non-const.
void append(Data& list, Data&& item);
void set(Data& object, const std::string& key, Data&& value);
Data string_data(std::string&& s);

class Templates {
 public:
  explicit Templates(const Theme& theme) : theme_(theme) {}
  // Renders templates/<name>.html with `page`, then the layout around it.
  // `page` must hold the layout's values (site_title, root, ...). Fatal on a
  // template error, naming the template file.
  std::string render(const std::string& name, Data& page);
  // One template alone (no layout).
  std::string render_bare(const std::string& name, const Data& page);

 private:
  kainjow::mustache::mustache& get(const std::string& name);
  const Theme& theme_;
  std::map<std::string, std::unique_ptr<kainjow::mustache::mustache>> parsed_;
  int partials_ = 0;  // card_list includes in the page being rendered
};

}  // namespace prfaq
