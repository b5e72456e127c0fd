// SPDX-License-Identifier: MIT
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

TEST_CASE("utf8_length gives the length of a valid sequence and 0 for anything else", "[text]") {
    CHECK(utf8_length("a", 0) == 1);
    CHECK(utf8_length("é", 0) == 2);
    CHECK(utf8_length("→", 0) == 3);
    CHECK(utf8_length("😀", 0) == 4);
    CHECK(utf8_length("a→", 1) == 3);
    CHECK(utf8_length("a", 1) == 0);                     // the end
    CHECK(utf8_length("\x80", 0) == 0);                  // a continuation byte alone
    CHECK(utf8_length("\xE2\x86", 0) == 0);              // cut short
    CHECK(utf8_length("\xC0\xAF", 0) == 0);              // overlong '/'
    CHECK(utf8_length("\xE0\x80\xAF", 0) == 0);          // overlong, three bytes
    CHECK(utf8_length("\xED\xA0\x80", 0) == 0);          // a surrogate
    CHECK(utf8_length("\xF4\x90\x80\x80", 0) == 0);      // past U+10FFFF
    CHECK(utf8_length("\xF4\x8F\xBF\xBF", 0) == 4);      // U+10FFFF itself
    CHECK(utf8_length("\xFF", 0) == 0);
}

TEST_CASE("next_char steps one code point, or one byte of text that is not UTF-8", "[text]") {
    const std::string_view text = "a\xC3\xA9\xE2\x86\x92\xFF\x80z";  // a é → then two stray bytes, z
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < text.size(); i = next_char(text, i)) starts.push_back(i);
    CHECK(starts == std::vector<std::size_t>{0, 1, 3, 6, 7, 8});
}

TEST_CASE("find_invalid_utf8 and valid_utf8", "[text]") {
    CHECK(valid_utf8(""));
    CHECK(valid_utf8("plain, é × 2 → 😀"));
    CHECK(find_invalid_utf8("été") == std::string_view::npos);
    CHECK_FALSE(valid_utf8("caf\xE9"));  // Latin-1
    CHECK(find_invalid_utf8("caf\xE9") == 3);
    CHECK(find_invalid_utf8("é\x80") == 2);
    CHECK(find_invalid_utf8("ab\xE2\x86") == 2);
}

TEST_CASE("char_boundary moves a cut forward to the next character", "[text]") {
    const std::string_view text = "a→b";  // a at 0, → at 1..3, b at 4
    CHECK(char_boundary(text, 0) == 0);
    CHECK(char_boundary(text, 1) == 1);
    CHECK(char_boundary(text, 2) == 4);
    CHECK(char_boundary(text, 3) == 4);
    CHECK(char_boundary(text, 4) == 4);
    CHECK(char_boundary(text, 9) == 5);
}

TEST_CASE("display_width and clip measure text that is not UTF-8 byte by byte", "[text]") {
    CHECK(display_width("\xFF\xFE") == 2);
    CHECK(display_width("a\xE2\x86") == 3);
    CHECK(clip("\xFF\xFEz", 2) == "\xFF\xFE");
}

TEST_CASE("clip keeps the first columns, never half a character", "[text]") {
    CHECK(clip("abcdef", 3) == "abc");
    CHECK(clip("été été", 2) == "ét");
    CHECK(clip("→→→", 2) == "→→");
    CHECK(clip("ab", 5) == "ab");
    CHECK(clip("abc", 0).empty());
    CHECK(clip("", 4).empty());
    CHECK(display_width(clip("😀😀😀", 2)) == 2);
}

TEST_CASE("plural and plural_suffix", "[text]") {
    CHECK(plural(1, "session") == "1 session");
    CHECK(plural(0, "session") == "0 sessions");
    CHECK(plural(2, "day") == "2 days");
    CHECK(plural(std::size_t{1}, "file") == "1 file");
    CHECK(plural(-1LL, "week") == "-1 weeks");
    CHECK(plural_suffix(1).empty());
    CHECK(plural_suffix(0) == "s");
    CHECK(plural_suffix(std::size_t{12}) == "s");
}

TEST_CASE("average is nullopt for no values", "[text]") {
    CHECK_FALSE(average(0, 0).has_value());
    CHECK_FALSE(average(5, 0).has_value());
    CHECK(average(7, 2) == 3.5);
    CHECK(average(-3, 3) == -1.0);
    CHECK(average(10, 4) == 2.5);
}

TEST_CASE("printable: the one sanitiser leaves text and takes out what could command a terminal", "[text][sanitise]") {
    CHECK(printable("plain text, été, \U0001F642") == "plain text, été, \U0001F642");
    CHECK(printable("a\x1b[2Jb") == "a [2Jb");
    CHECK(printable("bell\x07 del\x7f nul") == "bell  del  nul");
    CHECK(printable(std::string("nul\0here", 8)) == "nul here");
    CHECK(printable("line\nand\ttab\rcr") == "line and tab cr");
    // C1 controls (CSI is 0x9b), as UTF-8.
    CHECK(printable("c1 \xc2\x9b" "31m and \xc2\x80") == "c1  31m and  ");
    CHECK(printable("\xc2\xa0no-break") == "\xc2\xa0no-break");  // U+00A0 is text
    // Bidirectional overrides and isolates reorder what follows them.
    CHECK(printable("x\xe2\x80\xaey\xe2\x81\xa6z") == "x y z");
    // Bytes that are not UTF-8, one U+FFFD each.
    CHECK(printable("bad \xff\xfe end") == "bad \xef\xbf\xbd\xef\xbf\xbd end");
    CHECK(printable("cut \xe2\x82") == "cut \xef\xbf\xbd\xef\xbf\xbd");
    // Linear: a long text takes no longer than its length.
    CHECK(printable(std::string(1 << 22, '\x1b')).size() == std::size_t{1} << 22);
}

TEST_CASE("has_control: C0, DEL and C1, with line ends and tabs allowed where asked", "[text][sanitise]") {
    CHECK_FALSE(has_control("plain été"));
    CHECK(has_control("a\x1b"));
    CHECK(has_control("a\x7f"));
    CHECK(has_control("a\xc2\x85"));
    CHECK(has_control("a\nb"));
    CHECK_FALSE(has_control("a\nb\r\nc\td", true));
    CHECK(has_control("a\nb\x1b", true));
    CHECK_FALSE(has_control("\xc2\xa0", true));
}

TEST_CASE("tsv_field: one line a record, every byte recoverable", "[text][tsv]") {
    CHECK(tsv_field("plain été") == "plain été");
    CHECK(tsv_field("a\tb\nc\rd\\e") == "a\\tb\\nc\\rd\\\\e");
    CHECK(tsv_field("esc\x1b[2J") == "esc\\x1b[2J");
    CHECK(tsv_field("c1\xc2\x9b") == "c1\\xc2\\x9b");
    CHECK(tsv_field("bad\xff") == "bad\\xff");
    CHECK(tsv_field("del\x7f") == "del\\x7f");
}

TEST_CASE("plural: regular and irregular nouns", "[text]") {
    CHECK(plural(1, "session") == "1 session");
    CHECK(plural(2, "session") == "2 sessions");
    CHECK(plural(1, "entry", "entries") == "1 entry");
    CHECK(plural(0, "entry", "entries") == "0 entries");
}
