// Text helpers (text.hpp).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text.hpp"

using namespace backcare;
using V = std::vector<std::string>;

TEST_CASE("wrap breaks greedily at spaces", "[text]") {
    CHECK(wrap("the quick brown fox jumps", 10) == V{"the quick", "brown fox", "jumps"});
    CHECK(wrap("one two", 80) == V{"one two"});
    CHECK(wrap("exactly ten", 11) == V{"exactly ten"});
    CHECK(wrap("exactly ten", 10) == V{"exactly", "ten"});
}

TEST_CASE("wrap puts a word longer than the width on its own line", "[text]") {
    CHECK(wrap("a verylongwordhere b", 10) == V{"a", "verylongwordhere", "b"});
    CHECK(wrap("supercalifragilistic", 10) == V{"supercalifragilistic"});
}

TEST_CASE("wrap collapses runs of spaces and keeps one line for empty text", "[text]") {
    CHECK(wrap("  a   b  ", 20) == V{"a b"});
    CHECK(wrap("", 20) == V{""});
}

TEST_CASE("wrap measures UTF-8 text by code points, not bytes", "[text]") {
    // Each "été" is 3 columns but 5 bytes.
    CHECK(wrap("été été été", 11) == V{"été été été"});
    CHECK(wrap("été été été", 10) == V{"été été", "été"});
    CHECK(wrap("a × b × c → d", 10) == V{"a × b × c", "→ d"});
}

TEST_CASE("nearest suggests plausible typos, best first", "[text]") {
    const V ids{"cat-cow", "seated-cat-cow", "childs-pose", "shoulder-blade-squeeze", "band-rows"};
    CHECK(nearest("cat-cwo", ids) == V{"cat-cow"});
    CHECK(nearest("cat-cow", ids).front() == "cat-cow");
    CHECK(nearest("squeeze", ids) == V{"shoulder-blade-squeeze"});
    CHECK(nearest("band-row", ids) == V{"band-rows"});
    CHECK(nearest("zzzzzzz", ids).empty());
    CHECK(nearest("x", {}).empty());
    const V close{"abcd", "abce", "abcf", "abxx"};
    CHECK(nearest("abcd", close, 2) == V{"abcd", "abce"});
    CHECK(nearest("abcd", close, 10) == V{"abcd", "abce", "abcf", "abxx"});
}

TEST_CASE("join and join_or", "[text]") {
    CHECK(join({}, ", ").empty());
    CHECK(join({"a", "b", "c"}, ", ") == "a, b, c");
    CHECK(join_or({}).empty());
    CHECK(join_or({"a"}) == "a");
    CHECK(join_or({"a", "b"}) == "a or b");
    CHECK(join_or({"a", "b", "c"}) == "a, b or c");
}

TEST_CASE("split_list trims and drops empty parts", "[text]") {
    CHECK(split_list("a,b, c") == V{"a", "b", "c"});
    CHECK(split_list(" a , ,b ,") == V{"a", "b"});
    CHECK(split_list("").empty());
    CHECK(split_list(",,").empty());
    CHECK(split_list("one") == V{"one"});
    CHECK(split_list("a;b c;d", ';') == V{"a", "b c", "d"});
}

TEST_CASE("tsv_field escapes backslash, tab, newline and carriage return", "[text]") {
    CHECK(tsv_field("plain text") == "plain text");
    CHECK(tsv_field("a\tb") == "a\\tb");
    CHECK(tsv_field("a\nb") == "a\\nb");
    CHECK(tsv_field("a\rb") == "a\\rb");
    CHECK(tsv_field("a\\b") == "a\\\\b");
    CHECK(tsv_field("\\t") == "\\\\t");
    CHECK(tsv_field("é × 2") == "é × 2");
    const std::string out = tsv_field("x\ty\nz\r\\");
    CHECK(out.find('\t') == std::string::npos);
    CHECK(out.find('\n') == std::string::npos);
    CHECK(out.find('\r') == std::string::npos);
}

TEST_CASE("display_width counts code points", "[text]") {
    CHECK(display_width("") == 0);
    CHECK(display_width("abc") == 3);
    CHECK(display_width("é") == 1);
    CHECK(display_width("été") == 3);
    CHECK(display_width("2 × 10") == 6);
    CHECK(display_width("→") == 1);
    CHECK(display_width("😀") == 1);
}

TEST_CASE("pad fills to a display width and never cuts", "[text]") {
    CHECK(pad("ab", 4) == "ab  ");
    CHECK(pad("été", 5) == "été  ");
    CHECK(display_width(pad("été", 5)) == 5);
    CHECK(pad("abcd", 2) == "abcd");
    CHECK(pad("", 3) == "   ");
    CHECK(pad("abc", 3) == "abc");
}
