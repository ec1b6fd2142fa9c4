#include "site/templates.h"

#include "util/error.h"
#include "util/escape_markup.h"

namespace prfaq {

void text(Data& d, const std::string& key, const std::string& value) {
  if (value.empty())
    d[key] = Data(false);
  else
    d[key] = Data(value);
}

Data list_data() { return Data(Data::type::list); }
Data object_data() { return Data(Data::type::object); }

void append(Data& list, Data&& item) {
  const_cast<kainjow::mustache::list&>(list.list_value()).push_back(std::move(item));
}

void set(Data& object, const std::string& key, Data&& value) { object[key] = std::move(value); }

Data string_data(std::string&& s) {
  Data d(Data::type::string);
  const_cast<std::string&>(d.string_value()) = std::move(s);
  return d;
}

kainjow::mustache::mustache& Templates::get(const std::string& name) {
  auto& slot = parsed_[name];
  if (!slot) {
    slot = std::make_unique<kainjow::mustache::mustache>(theme_.template_text(name));
    // {{x}} escapes as the feed and the charts do (kainjow's own escape lets
    // control characters and noncharacters through); its partials inherit it.
    slot->set_custom_escape([](const std::string& s) { return escape_markup(s); });
  }
  return *slot;
}

std::string Templates::render_bare(const std::string& name, const Data& page) {
  auto& tmpl = get(name);
  std::string out = tmpl.render(page);
  // Only errors without a place come up here: every template, partials
  // included, was parsed when the theme loaded (Theme::load names the line).
  if (!tmpl.is_valid()) throw Fatal(theme_.origin(name) + ": " + tmpl.error_message());
  return out;
}

std::string Templates::render(const std::string& name, Data& page) {
  // Partials the templates may use: the theme's own files, by name.
  page["card_list"] = Data(kainjow::mustache::partial([this]() { return theme_.template_text("card_list"); }));
  std::string main = render_bare(name, page);
  page["main"] = string_data(std::move(main));
  return render_bare("layout", page);
}

}  // namespace prfaq
