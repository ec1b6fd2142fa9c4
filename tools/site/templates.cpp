#include "site/templates.h"

#include "util/error.h"

namespace prfaq {

void text(Data& d, const std::string& key, const std::string& value) {
  if (value.empty())
    d.set(key, Data(false));
  else
    d.set(key, Data(value));
}

Data list_data() { return Data(Data::type::list); }
Data object_data() { return Data(Data::type::object); }

kainjow::mustache::mustache& Templates::get(const std::string& name) {
  auto& slot = parsed_[name];
  if (!slot) slot = std::make_unique<kainjow::mustache::mustache>(theme_.template_text(name));
  return *slot;
}

std::string Templates::render_bare(const std::string& name, const Data& page) {
  auto& tmpl = get(name);
  std::string out = tmpl.render(page);
  if (!tmpl.is_valid()) throw Fatal(theme_.origin(name) + ": " + tmpl.error_message());
  return out;
}

std::string Templates::render(const std::string& name, Data& page) {
  // Partials the templates may use: the theme's own files, by name.
  page.set("card_list", Data(kainjow::mustache::partial([this]() { return theme_.template_text("card_list"); })));
  std::string main = render_bare(name, page);
  page.set("main", Data(std::move(main)));
  return render_bare("layout", page);
}

}  // namespace prfaq
