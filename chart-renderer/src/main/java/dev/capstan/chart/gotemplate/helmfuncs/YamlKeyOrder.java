package dev.capstan.chart.gotemplate.helmfuncs;

/**
 * goyaml.v2's order of string map keys (keyList.Less): letters compare as runes, runs of digits
 * compare as numbers ({@code a2} before {@code a10}), and a non-letter sorts before a letter.
 */
final class YamlKeyOrder {
  private YamlKeyOrder() {}

  /**
   * Sorts as Go's sort.Sort does for up to 12 keys (insertion sort), which matters because this
   * order is not transitive ({@code 1x < 2x < 10x < 1x}); larger maps are merge-sorted, which
   * agrees with Go whenever the keys are consistently ordered and never fails when they are not.
   */
  static <T> void sort(java.util.List<T> items, java.util.function.Function<T, String> key,
      boolean v3) {
    if (items.size() <= 12) {
      for (int i = 1; i < items.size(); i++) {
        for (int j = i; j > 0 && less(key.apply(items.get(j)), key.apply(items.get(j - 1)), v3); j--) {
          java.util.Collections.swap(items, j, j - 1);
        }
      }
      return;
    }
    mergeSort(items, key, v3);
  }

  private static <T> void mergeSort(java.util.List<T> items,
      java.util.function.Function<T, String> key, boolean v3) {
    if (items.size() < 2) {
      return;
    }
    int mid = items.size() / 2;
    java.util.List<T> left = new java.util.ArrayList<>(items.subList(0, mid));
    java.util.List<T> right = new java.util.ArrayList<>(items.subList(mid, items.size()));
    mergeSort(left, key, v3);
    mergeSort(right, key, v3);
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < left.size() && j < right.size()) {
      items.set(k++, less(key.apply(right.get(j)), key.apply(left.get(i)), v3) ? right.get(j++) : left.get(i++));
    }
    while (i < left.size()) {
      items.set(k++, left.get(i++));
    }
    while (j < right.size()) {
      items.set(k++, right.get(j++));
    }
  }

  /** keyList.Less; {@code v3} adds goyaml.v3's rule for a letter right after equal digits. */
  static boolean less(String a, String b, boolean v3) {
    int[] ar = a.codePoints().toArray();
    int[] br = b.codePoints().toArray();
    boolean digits = false;
    for (int i = 0; i < ar.length && i < br.length; i++) {
      if (ar[i] == br[i]) {
        digits = Character.isDigit(ar[i]);
        continue;
      }
      boolean al = Character.isLetter(ar[i]);
      boolean bl = Character.isLetter(br[i]);
      if (al && bl) {
        return ar[i] < br[i];
      }
      if (al || bl) {
        return v3 && digits ? al : bl;
      }
      long an = 0;
      long bn = 0;
      if (ar[i] == '0' || br[i] == '0') {
        for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
          if (ar[j] != '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      int ai = i;
      for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) {
        an = an * 10 + (ar[ai] - '0');
      }
      int bi = i;
      for (; bi < br.length && Character.isDigit(br[bi]); bi++) {
        bn = bn * 10 + (br[bi] - '0');
      }
      if (an != bn) {
        return an < bn;
      }
      if (ai != bi) {
        return ai < bi;
      }
      return ar[i] < br[i];
    }
    return ar.length < br.length;
  }
}
