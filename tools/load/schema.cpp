#include "load/schema.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "util/suggest.h"

namespace prfaq {

namespace {

constexpr std::array<std::string_view, 15> kTopKeys = {
    "title", "headline", "subheadline", "status", "owner",    "team",     "customer", "launch",
    "tags",  "related",  "journey",     "metric", "business", "review",   "reason"};
constexpr std::array<std::string_view, 4> kJourneyKeys = {"step", "detail", "screen", "aha"};
constexpr std::array<std::string_view, 8> kMetricKeys = {"name",   "kind", "direction", "unit",
                                                         "baseline", "target", "by",   "actuals"};
constexpr std::array<std::string_view, 5> kBusinessKeys = {"headcount", "months", "cost", "revenue", "currency"};
constexpr std::array<std::string_view, 5> kReviewKeys = {"who", "role", "verdict", "date", "note"};
constexpr std::array<std::string_view, 2> kActualKeys = {"date", "value"};
constexpr std::array<std::string_view, 8> kKinds = {"activation", "adoption", "retention", "engagement",
                                                    "revenue",    "cost",     "quality",   "other"};
constexpr std::array<std::string_view, 2> kDirections = {"up", "down"};
constexpr std::array<std::string_view, 3> kVerdicts = {"approved", "changes-requested", "pending"};
constexpr std::array<std::string_view, 6> kStatuses = {"idea", "draft", "review", "approved", "launched", "shelved"};

std::string_view type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::array: return "an array";
    case toml::node_type::table: return "a table";
    default: return "nothing";
  }
}

template <std::size_t N>
std::string list_of(const std::array<std::string_view, N>& items) {
  std::string out;
  for (auto i : items) out += (out.empty() ? "" : ", ") + std::string(i);
  return out;
}

class SchemaReader {
 public:
  SchemaReader(int line_offset, const Config& config, FrontMatter& fm, Emitter& emit)
      : off_(line_offset), config_(config), fm_(fm), emit_(emit) {}

  void read(const toml::table& root) {
    for (auto&& [key, n] : root) {
      std::string k(key.str());
      fm_.key_pos[k] = pos(key.source());
      if (k == "title") string(n, k, fm_.title);
      else if (k == "headline") string(n, k, fm_.headline);
      else if (k == "subheadline") string(n, k, fm_.subheadline);
      else if (k == "team") string(n, k, fm_.team);
      else if (k == "customer") string(n, k, fm_.customer);
      else if (k == "reason") string(n, k, fm_.reason);
      else if (k == "status") status(n);
      else if (k == "owner") owner(n);
      else if (k == "tags") string_list(n, k, fm_.tags);
      else if (k == "related") related(n);
      else if (k == "launch") {
        Located<Date> d;
        if (date(n, k, d)) fm_.launch = d;
      } else if (k == "journey") each_table(n, k, [&](const toml::table& t) { journey(t); });
      else if (k == "metric") each_table(n, k, [&](const toml::table& t) { metric(t); });
      else if (k == "review") each_table(n, k, [&](const toml::table& t) { review(t); });
      else if (k == "business") business(n);
      else unknown(key, k, kTopKeys, "");
    }
  }

 private:
  int off_;
  const Config& config_;
  FrontMatter& fm_;
  Emitter& emit_;

  Position pos(const toml::source_region& r) const {
    return {static_cast<int>(r.begin.line) + off_, static_cast<int>(r.begin.column)};
  }

  void wrong_type(const toml::node& n, const std::string& k, std::string_view expected) {
    fm_.mistyped.push_back(k);
    emit_.add(pos(n.source()), "key-type",
              "'" + k + "' must be " + std::string(expected) + ", not " + std::string(type_name(n)));
  }

  template <std::size_t N>
  void unknown(const toml::key& key, const std::string& k, const std::array<std::string_view, N>& known,
               const std::string& where) {
    std::string hint = did_you_mean(k, std::span<const std::string_view>(known));
    // TOML puts every key after a [table] header into that table: a
    // top-level key written below one lands in it.
    if (!where.empty() && hint.empty() && std::find(kTopKeys.begin(), kTopKeys.end(), k) != kTopKeys.end())
      hint = " ('" + k + "' is a top-level key: move it above the first [table] or [[table]] header)";
    emit_.add(pos(key.source()), "unknown-key", "unknown key '" + where + k + "'" + hint);
  }

  bool string(const toml::node& n, const std::string& k, Located<std::string>& out) {
    if (!n.is_string()) {
      wrong_type(n, k, "a string");
      return false;
    }
    out.value = n.as_string()->get();
    out.pos = pos(n.source());
    fm_.strings.push_back(out);
    return true;
  }

  void string_list(const toml::node& n, const std::string& k, std::vector<std::string>& out) {
    if (!n.is_array()) return wrong_type(n, k, "an array of strings");
    for (auto& item : *n.as_array()) {
      Located<std::string> s;
      if (string(item, k + " item", s)) out.push_back(s.value);
      else fm_.mistyped.push_back(k);  // reported once, as key-type: not also "empty"
    }
  }

  template <std::size_t N>
  bool enum_string(const toml::node& n, const std::string& k, const std::array<std::string_view, N>& allowed,
                   Located<std::string>& out) {
    if (!string(n, k, out)) return false;
    if (std::find(allowed.begin(), allowed.end(), out.value) == allowed.end()) {
      emit_.add(out.pos, "key-enum",
                "'" + k + "' is \"" + out.value + "\", not one of: " + list_of(allowed) +
                    did_you_mean(out.value, std::span<const std::string_view>(allowed)));
      out.value.clear();
      return false;
    }
    return true;
  }

  bool date(const toml::node& n, const std::string& k, Located<Date>& out) {
    if (n.is_date()) {
      auto d = n.as_date()->get();
      out = {{d.year, d.month, d.day}, pos(n.source())};
      return true;
    }
    if (n.is_date_time()) {
      auto d = n.as_date_time()->get().date;
      out = {{d.year, d.month, d.day}, pos(n.source())};
      return true;
    }
    if (n.is_string()) {
      fm_.mistyped.push_back(k);
      emit_.add(pos(n.source()), "key-type",
                "'" + k + "' must be a TOML date such as 2027-06-30, without quotes, not a string");
    } else
      wrong_type(n, k, "a date");
    return false;
  }

  bool number(const toml::node& n, const std::string& k, double& out) {
    if (n.is_integer()) out = static_cast<double>(n.as_integer()->get());
    else if (n.is_floating_point()) out = n.as_floating_point()->get();
    else {
      wrong_type(n, k, "a number");
      return false;
    }
    if (!std::isfinite(out)) {  // TOML's nan and inf: no metric or cost is either
      fm_.mistyped.push_back(k);
      emit_.add(pos(n.source()), "key-type", "'" + k + "' must be a finite number, not " + (std::isnan(out) ? "nan" : "inf"));
      return false;
    }
    return true;
  }

  void status(const toml::node& n) {
    if (!string(n, "status", fm_.status_text)) return;
    fm_.status = parse_status(fm_.status_text.value);
    // A blank status is required-field's to report ("'status' is empty").
    bool blank = fm_.status_text.value.find_first_not_of(" \t") == std::string::npos;
    if (!fm_.status && !blank)
      emit_.add(fm_.status_text.pos, "key-enum",
                "'status' is \"" + fm_.status_text.value + "\", not one of: " + list_of(kStatuses) +
                    did_you_mean(fm_.status_text.value, std::span<const std::string_view>(kStatuses)));
  }

  void owner(const toml::node& n) {
    if (n.is_string()) {
      Located<std::string> s;
      string(n, "owner", s);
      if (!s.value.empty()) fm_.owner.push_back(s.value);
    } else if (n.is_array()) {
      string_list(n, "owner", fm_.owner);
    } else {
      wrong_type(n, "owner", "a string or an array of strings");
    }
  }

  void related(const toml::node& n) {
    if (!n.is_array()) return wrong_type(n, "related", "an array of slugs");
    for (auto& item : *n.as_array()) {
      Located<std::string> s;
      if (!item.is_string()) {
        wrong_type(item, "related item", "a string");
        fm_.mistyped.push_back("related");
      } else fm_.related.push_back({item.as_string()->get(), pos(item.source())});
    }
  }

  template <class F>
  void each_table(const toml::node& n, const std::string& k, F&& f) {
    if (!n.is_array()) return wrong_type(n, k, "an array of tables ([[" + k + "]])");
    for (auto& item : *n.as_array()) {
      if (!item.is_table()) wrong_type(item, k + " entry", "a table");
      else f(*item.as_table());
    }
  }

  void journey(const toml::table& t) {
    JourneyStep s;
    s.pos = pos(t.source());
    for (auto&& [key, n] : t) {
      std::string k(key.str());
      if (k == "step") string(n, "journey.step", s.step);
      else if (k == "detail") string(n, "journey.detail", s.detail);
      else if (k == "screen") string(n, "journey.screen", s.screen);
      else if (k == "aha") {
        if (n.is_boolean()) s.aha = n.as_boolean()->get();
        else wrong_type(n, "journey.aha", "a boolean (true or false)");
      } else unknown(key, k, kJourneyKeys, "journey.");
    }
    fm_.journey.push_back(std::move(s));
  }

  void metric(const toml::table& t) {
    Metric m;
    m.pos = pos(t.source());
    for (auto&& [key, n] : t) {
      std::string k(key.str());
      double v = 0;
      if (k == "name") string(n, "metric.name", m.name);
      else if (k == "kind") enum_string(n, "metric.kind", kKinds, m.kind);
      else if (k == "direction") enum_string(n, "metric.direction", kDirections, m.direction);
      else if (k == "unit") string(n, "metric.unit", m.unit);
      else if (k == "baseline") {
        if (number(n, "metric.baseline", v)) m.baseline = Located<double>{v, pos(n.source())};
        else m.mistyped.push_back(k);
      } else if (k == "target") {
        if (number(n, "metric.target", v)) m.target = Located<double>{v, pos(n.source())};
        else m.mistyped.push_back(k);
      } else if (k == "by") {
        Located<Date> d;
        if (date(n, "metric.by", d)) m.by = d;
        else m.mistyped.push_back(k);
      } else if (k == "actuals") {
        each_table(n, "metric.actuals", [&](const toml::table& a) { actual(a, m); });
      } else unknown(key, k, kMetricKeys, "metric.");
    }
    fm_.metrics.push_back(std::move(m));
  }

  void actual(const toml::table& t, Metric& m) {
    Actual a;
    bool has_date = false, has_value = false, date_given = false, value_given = false;
    for (auto&& [key, n] : t) {
      std::string k(key.str());
      if (k == "date") {
        Located<Date> d;
        date_given = true;
        if ((has_date = date(n, "metric.actuals.date", d))) a.date = d.value;
      } else if (k == "value") {
        value_given = true;
        has_value = number(n, "metric.actuals.value", a.value);
      } else unknown(key, k, kActualKeys, "metric.actuals.");
    }
    // A date or value of the wrong type is reported once, above; the entry
    // is dropped all the same.
    if (!date_given || !value_given)
      emit_.add(pos(t.source()), "key-type", "an actual needs a date and a value: { date = 2027-07-15, value = 0.02 }");
    if (has_date && has_value) m.actuals.push_back(a);
    else if ((date_given && !has_date) || (value_given && !has_value)) m.mistyped.push_back("actuals");
  }

  void business(const toml::node& n) {
    if (!n.is_table()) return wrong_type(n, "business", "a table ([business])");
    Business& b = fm_.business;
    b.present = true;
    b.pos = pos(n.source());
    for (auto&& [key, v] : *n.as_table()) {
      std::string k(key.str());
      double x = 0;
      if (k == "headcount") {
        if (number(v, "business.headcount", x)) b.headcount = x;
      } else if (k == "months") {
        if (number(v, "business.months", x)) b.months = x;
      } else if (k == "cost") {
        if (number(v, "business.cost", x)) b.cost = x;
      } else if (k == "revenue") {
        if (number(v, "business.revenue", x)) b.revenue = x;
      } else if (k == "currency") {
        Located<std::string> s;
        if (string(v, "business.currency", s)) b.currency = s.value;
      } else unknown(key, k, kBusinessKeys, "business.");
    }
  }

  void review(const toml::table& t) {
    Review r;
    r.pos = pos(t.source());
    for (auto&& [key, n] : t) {
      std::string k(key.str());
      if (k == "who") string(n, "review.who", r.who);
      else if (k == "role") {
        if (string(n, "review.role", r.role) && !config_.is_known_role(r.role.value)) {
          // Every role a review may name: the required ones are allowed even when `roles` omits them.
          std::vector<std::string_view> roles(config_.roles.begin(), config_.roles.end());
          for (auto& role : config_.required_roles)
            if (std::find(roles.begin(), roles.end(), role) == roles.end()) roles.push_back(role);
          std::string all;
          for (auto role : roles) all += (all.empty() ? "" : ", ") + std::string(role);
          emit_.add(r.role.pos, "key-enum",
                    "'review.role' is \"" + r.role.value + "\", not one of: " + all +
                        did_you_mean(r.role.value, roles) + " (roles are set in prfaq.toml [review] roles)");
        }
      } else if (k == "verdict") enum_string(n, "review.verdict", kVerdicts, r.verdict);
      else if (k == "date") {
        Located<Date> d;
        if (date(n, "review.date", d)) r.date = d.value;
      } else if (k == "note") string(n, "review.note", r.note);
      else unknown(key, k, kReviewKeys, "review.");
    }
    fm_.reviews.push_back(std::move(r));
  }
};

}  // namespace

void read_front_matter(const toml::table& root, int line_offset, const Config& config, FrontMatter& out,
                       Emitter& emit) {
  // A brief holds a few dozen strings (the journey's and metrics' among
  // them): room for them at once, not seven steps of growth.
  out.strings.reserve(64);
  SchemaReader(line_offset, config, out, emit).read(root);
}

}  // namespace prfaq
