#include "service/html/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <array>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace lede {
namespace {

// Elements whose content is never article text.
constexpr std::array<std::string_view, 28> kDroppedElements = {
    "script",   "style", "noscript", "template", "nav",    "aside",  "form",
    "iframe",   "frame", "frameset", "button",   "select", "option", "input",
    "textarea", "label", "svg",      "math",     "object", "embed",  "canvas",
    "video",    "audio", "map",      "dialog",   "menu",   "head",   "picture"};

// Elements that start and end a line.
constexpr std::array<std::string_view, 38> kBlockElements = {
    "address",  "article", "blockquote", "body",   "br",     "caption",
    "center",   "dd",      "details",    "div",    "dl",     "dt",
    "fieldset", "figure",  "figcaption", "footer", "h1",     "h2",
    "h3",       "h4",      "h5",         "h6",     "header", "hgroup",
    "hr",       "html",    "li",         "main",   "ol",     "p",
    "pre",      "section", "summary",    "table",  "tbody",  "thead",
    "tr",       "ul"};

// class/id words that mark boilerplate.
constexpr std::array<std::string_view, 44> kBoilerplateWords = {
    "nav",         "navbar",      "navigation", "menu",       "menubar",
    "footer",      "share",       "sharing",    "shares",     "sharebar",
    "social",      "related",     "advert",     "adverts",    "advertisement",
    "advertising", "ad",          "ads",        "adslot",     "cookie",
    "cookies",     "consent",     "gdpr",       "subscribe",  "subscription",
    "newsletter",  "promo",       "sidebar",    "breadcrumb", "breadcrumbs",
    "comments",    "comment",     "banner",     "popup",      "modal",
    "paywall",     "signup",      "skip",       "sponsored",  "outbrain",
    "taboola",     "recommended", "trending",   "toolbar"};

// Word prefixes that mark boilerplate ("advertorial", "sponsor-box").
constexpr std::array<std::string_view, 4> kBoilerplatePrefixes = {
    "advert", "sponsor", "socialshare", "newsletter"};

template <size_t N>
bool In(const std::array<std::string_view, N>& set, std::string_view s) {
  for (std::string_view x : set) {
    if (x == s) return true;
  }
  return false;
}

std::string_view Name(const xmlNode* n) {
  return n->name ? std::string_view(reinterpret_cast<const char*>(n->name))
                 : std::string_view();
}

// The attribute's value, lower-cased; empty when absent.
std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string s = absl::AsciiStrToLower(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

bool HasAttr(const xmlNode* n, const char* name) {
  return xmlHasNsProp(n, reinterpret_cast<const xmlChar*>(name), nullptr) !=
         nullptr;
}

bool IsElement(const xmlNode* n, std::string_view name) {
  return n->type == XML_ELEMENT_NODE && Name(n) == name;
}

bool NamesBoilerplate(const std::string& value) {
  for (absl::string_view word : absl::StrSplit(
           value, absl::ByAnyChar(" \t\n\r\f-_:./"), absl::SkipEmpty())) {
    const std::string_view w(word.data(), word.size());
    if (In(kBoilerplateWords, w)) return true;
    for (std::string_view p : kBoilerplatePrefixes) {
      if (w.size() > p.size() && w.substr(0, p.size()) == p) return true;
    }
  }
  return false;
}

bool IsHidden(const xmlNode* n) {
  if (HasAttr(n, "hidden")) return true;
  if (Attr(n, "aria-hidden") == "true") return true;
  std::string style = Attr(n, "style");
  if (style.empty()) return false;
  style.erase(std::remove_if(style.begin(), style.end(),
                             [](char c) { return absl::ascii_isspace(c); }),
              style.end());
  return absl::StrContains(style, "display:none") ||
         absl::StrContains(style, "visibility:hidden");
}

// Visits the subtree of `root` in document order without recursion (pages
// can nest deeply). `enter(node)` returns false to skip a node's subtree;
// `leave(node)` runs after the subtree of every node that was entered.
template <typename Enter, typename Leave>
void Walk(xmlNode* root, Enter enter, Leave leave) {
  xmlNode* n = root;
  bool entered = enter(n);
  for (;;) {
    if (entered && n->children) {
      n = n->children;
      entered = enter(n);
      continue;
    }
    if (entered) leave(n);
    while (n != root && !n->next) {
      n = n->parent;
      leave(n);
    }
    if (n == root) return;
    n = n->next;
    entered = enter(n);
  }
}

// Builds text with collapsed white space and one paragraph per line.
class TextBuilder {
 public:
  void Break() { pending_break_ = true; }
  void Space() { pending_space_ = true; }
  void EnterPre() { ++pre_; }
  void LeavePre() { --pre_; }

  void Append(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (c == '\r') continue;
      if (pre_ > 0 && c == '\n') {
        Break();
        continue;
      }
      if (pre_ == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\f')) {
        Space();
        continue;
      }
      // U+00A0 NO-BREAK SPACE (&nbsp;) is a space here.
      if (pre_ == 0 && c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
        Space();
        ++i;
        continue;
      }
      Flush();
      out_.push_back(c);
    }
  }

  std::string Finish() && { return std::move(out_); }

 private:
  void Flush() {
    if (!out_.empty() && out_.back() != '\n') {
      if (pending_break_) {
        out_.push_back('\n');
      } else if (pending_space_) {
        out_.push_back(' ');
      }
    }
    pending_break_ = pending_space_ = false;
  }

  std::string out_;
  bool pending_break_ = false;
  bool pending_space_ = false;
  int pre_ = 0;
};

std::string_view Content(const xmlNode* n) {
  return n->content
             ? std::string_view(reinterpret_cast<const char*>(n->content))
             : std::string_view();
}

bool IsText(const xmlNode* n) {
  return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
}

// The text of `root`'s subtree, boilerplate removed (class/id heuristics only
// when `heuristics`). `article` is the chosen article element, inside which
// a header is kept.
std::string ExtractFrom(xmlNode* root, bool heuristics) {
  TextBuilder b;
  const bool root_is_article = IsElement(root, "article");
  auto enter = [&](xmlNode* n) {
    if (IsText(n)) {
      b.Append(Content(n));
      return false;
    }
    if (n->type != XML_ELEMENT_NODE) return false;
    const std::string_view name = Name(n);
    if (n != root) {
      if (In(kDroppedElements, name)) return false;
      if (name == "footer") return false;
      if (name == "header" && !root_is_article) return false;
      if (IsHidden(n)) return false;
      const std::string role = Attr(n, "role");
      if (role == "navigation" || role == "banner" || role == "contentinfo" ||
          role == "complementary" || role == "search" || role == "dialog" ||
          role == "alert") {
        return false;
      }
      if (heuristics && name != "body" && name != "main" &&
          (NamesBoilerplate(Attr(n, "class")) ||
           NamesBoilerplate(Attr(n, "id")))) {
        return false;
      }
    }
    if (In(kBlockElements, name)) b.Break();
    if (name == "td" || name == "th") b.Space();
    if (name == "pre") b.EnterPre();
    return true;
  };
  auto leave = [&](xmlNode* n) {
    if (n->type != XML_ELEMENT_NODE) return;
    const std::string_view name = Name(n);
    if (name == "pre") b.LeavePre();
    if (In(kBlockElements, name)) b.Break();
    if (name == "td" || name == "th") b.Space();
  };
  Walk(root, enter, leave);
  return std::move(b).Finish();
}

// The element whose text is the article: the <article> with the most text,
// else <main> or role="main", else <body>, else `html`.
xmlNode* ChooseRoot(xmlNode* html) {
  xmlNode* body = nullptr;
  xmlNode* main = nullptr;
  // Articles with the document's text length when each was entered; one pass
  // gives every article's text length as the difference at its end.
  struct Open {
    xmlNode* node;
    size_t start;
  };
  std::vector<Open> open;
  xmlNode* best = nullptr;
  size_t best_len = 0;
  size_t total = 0;
  auto enter = [&](xmlNode* n) {
    if (IsText(n)) {
      total += Content(n).size();
      return false;
    }
    if (n->type != XML_ELEMENT_NODE) return false;
    const std::string_view name = Name(n);
    if (name == "script" || name == "style" || name == "head") return false;
    if (name == "body" && !body) body = n;
    if (!main && (name == "main" || Attr(n, "role") == "main")) main = n;
    if (name == "article") open.push_back({n, total});
    return true;
  };
  auto leave = [&](xmlNode* n) {
    if (!open.empty() && open.back().node == n) {
      const size_t len = total - open.back().start;
      if (!best || len > best_len) {
        best = n;
        best_len = len;
      }
      open.pop_back();
    }
  };
  Walk(html, enter, leave);
  if (best && best_len > 0) return best;
  if (main) return main;
  if (body) return body;
  return html;
}

std::string Title(xmlNode* html) {
  xmlNode* title = nullptr;
  Walk(
      html,
      [&](xmlNode* n) {
        if (title || n->type != XML_ELEMENT_NODE) return false;
        if (Name(n) == "title") {
          title = n;
          return false;
        }
        return Name(n) == "html" || Name(n) == "head";
      },
      [](xmlNode*) {});
  if (!title) return "";
  TextBuilder b;
  for (xmlNode* c = title->children; c; c = c->next) {
    if (IsText(c)) b.Append(Content(c));
  }
  return std::move(b).Finish();
}

struct CtxtDeleter {
  void operator()(htmlParserCtxtPtr c) const { htmlFreeParserCtxt(c); }
};
struct DocDeleter {
  void operator()(xmlDocPtr d) const { xmlFreeDoc(d); }
};

}  // namespace

absl::StatusOr<HtmlText> ExtractArticleText(std::string_view html) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  HtmlText out;
  if (html.empty()) return out;
  if (html.size() > static_cast<size_t>(INT32_MAX)) {
    return absl::InvalidArgumentError("HTML document larger than 2 GiB");
  }
  std::unique_ptr<htmlParserCtxt, CtxtDeleter> ctxt(htmlNewParserCtxt());
  if (!ctxt) return absl::ResourceExhaustedError("cannot create HTML parser");
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                      HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                      HTML_PARSE_IGNORE_ENC;
  std::unique_ptr<xmlDoc, DocDeleter> doc(
      htmlCtxtReadMemory(ctxt.get(), html.data(), static_cast<int>(html.size()),
                         /*URL=*/nullptr, "UTF-8", options));
  const xmlError* err = xmlCtxtGetLastError(ctxt.get());
  if (err && err->code == XML_ERR_INTERNAL_ERROR && err->message &&
      std::strstr(err->message, "depth") != nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        "HTML elements are nested more than ", kMaxHtmlDepth,
        " levels deep; lede cannot read such a page whole (flatten the "
        "markup or send the text as plain text)"));
  }
  if (!doc) return out;  // nothing that parses as HTML: no text
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) return out;
  out.title = Title(root);
  xmlNode* article = ChooseRoot(root);
  out.text = ExtractFrom(article, /*heuristics=*/true);
  // A page whose every block looks like boilerplate by its class or id (say
  // <div class="page-with-sidebar"> around everything) keeps its text.
  if (out.text.empty()) out.text = ExtractFrom(article, /*heuristics=*/false);
  return out;
}

}  // namespace lede
