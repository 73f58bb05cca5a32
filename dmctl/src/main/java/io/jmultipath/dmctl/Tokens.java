package io.jmultipath.dmctl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A cursor over the whitespace-separated words of a dm params line, with clear errors. */
final class Tokens {
  private final String what;
  private final List<String> words;
  private int pos;

  Tokens(String what, String text) {
    this.what = what;
    this.words = split(text == null ? "" : text);
  }

  /** Whitespace split without a regex (hot path: status lines of many paths). */
  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(text.substring(start, i));
      }
    }
    return out;
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
    return next(() -> field);
  }

  String next(Supplier<String> field) {
    if (pos >= words.size()) {
      throw fail("missing " + field.get());
    }
    return words.get(pos++);
  }

  int nextCount(String field) {
    return nextCount(() -> field);
  }

  int nextCount(Supplier<String> field) {
    String w = next(field);
    int n = parseCount(w);
    if (n < 0) {
      throw failAt(pos - 1, field.get() + " is not a non-negative number: '" + w + "'");
    }
    return n;
  }

  /** A non-negative decimal int, or -1. */
  private static int parseCount(String w) {
    int n = w.length();
    if (n == 0 || n > 9) {
      return n > 9 ? parseLong(w) : -1;
    }
    int v = 0;
    for (int i = 0; i < n; i++) {
      char c = w.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int parseLong(String w) {
    try {
      long v = Long.parseLong(w);
      return v < 0 || v > Integer.MAX_VALUE ? -1 : (int) v;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  List<String> take(int n, String field) {
    return take(n, () -> field);
  }

  List<String> take(int n, Supplier<String> field) {
    if (pos + n > words.size()) {
      throw fail(field.get() + ": " + n + " words declared but only " + (words.size() - pos) + " follow");
    }
    List<String> out = n == 0 ? List.of() : List.copyOf(words.subList(pos, pos + n));
    pos += n;
    return out;
  }

  DevT nextDev(Supplier<String> field) {
    String w = next(field);
    int colon = w.indexOf(':');
    int ma = colon > 0 ? parseCount(w.substring(0, colon)) : -1;
    int mi = colon > 0 ? parseCount(w.substring(colon + 1)) : -1;
    if (ma < 0 || mi < 0) {
      throw failAt(pos - 1, field.get() + " is not major:minor: '" + w + "'");
    }
    return new DevT(ma, mi);
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
