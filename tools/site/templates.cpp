#include "site/templates.h"

#include "util/error.h"
#include "util/escape_markup.h"
#include "util/mustache_error.h"

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

namespace {

// kainjow renders a partial that includes itself until the stack runs out: a
// page includes card_list at most this many times before the build stops.
constexpr int kMaxPartials = 100;

// Where `text` (card_list.html) includes itself, as kainjow's " at N" (a
// byte offset), or "" when the include is not written with {{ }}.
std::string self_include_at(std::string_view text) {
  for (std::size_t at = text.find("{{"); at != std::string_view::npos; at = text.find("{{", at + 2)) {
    std::size_t i = at + 2;
    auto blanks = [&] { while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i; };
    blanks();
    if (i >= text.size() || text[i] != '>') continue;
    ++i;
    blanks();
    if (text.substr(i, 9) != "card_list") continue;
    i += 9;
    blanks();
    if (text.substr(i, 2) == "}}") return " at " + std::to_string(at);
  }
  return "";
}

}  // namespace

std::string Templates::render(const std::string& name, Data& page) {
  // Partials the templates may use: the theme's own files, by name.
  partials_ = 0;
  page["card_list"] = Data(kainjow::mustache::partial([this]() {
    const std::string& text = theme_.template_text("card_list");
    if (++partials_ > kMaxPartials)
      throw Fatal(mustache_error(theme_.origin("card_list"), text,
                                 "card_list includes itself ({{> card_list}}), without end" + self_include_at(text)));
    return text;
  }));
  std::string main = render_bare(name, page);
  page["main"] = string_data(std::move(main));
  return render_bare("layout", page);
}

}  // namespace prfaq
