package io.jmultipath.dmctl;

import java.util.ArrayList;
import java.util.List;

/** A cursor over the whitespace-separated words of a dm params line, with clear errors. */
final class Tokens {
  private final String what;
  private final List<String> words;
  private int pos;

  Tokens(String what, String text) {
    this.what = what;
    String t = text == null ? "" : text.strip();
    this.words = t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
  }

  List<String> words() {
    return words;
  }

  int position() {
    return pos;
  }

  void seek(int position) {
    pos = position;
  }

  boolean atEnd() {
    return pos >= words.size();
  }

  String next(String field) {
    if (pos >= words.size()) {
      throw fail("missing " + field);
    }
    return words.get(pos++);
  }

  int nextCount(String field) {
    String w = next(field);
    try {
      int n = Integer.parseInt(w);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw failAt(pos - 1, field + " is not a non-negative number: '" + w + "'");
    }
  }

  List<String> take(int n, String field) {
    if (pos + n > words.size()) {
      throw fail(field + ": " + n + " words declared but only " + (words.size() - pos) + " follow");
    }
    List<String> out = new ArrayList<>(words.subList(pos, pos + n));
    pos += n;
    return List.copyOf(out);
  }

  DevT nextDev(String field) {
    String w = next(field);
    try {
      return DevT.parse(w);
    } catch (IllegalArgumentException e) {
      throw failAt(pos - 1, field + " is not major:minor: '" + w + "'");
    }
  }

  void expectEnd() {
    if (!atEnd()) {
      throw fail("unexpected trailing words '" + String.join(" ", words.subList(pos, words.size())) + "'");
    }
  }

  IllegalArgumentException fail(String reason) {
    return failAt(pos, reason);
  }

  /** An error about the word at 0-based index {@code at} (reported 1-based). */
  IllegalArgumentException failAt(int at, String reason) {
    return new IllegalArgumentException(what + " (word " + (at + 1) + "): " + reason);
  }

  static void appendCounted(StringBuilder sb, List<String> words) {
    sb.append(words.size());
    for (String w : words) {
      sb.append(' ').append(w);
    }
  }
}
