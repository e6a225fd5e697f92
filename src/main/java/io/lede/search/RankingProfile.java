package io.lede.search;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Every knob of Lede's ranking, with its default, in one place. The final score of a hit is
 * {@code text × quality factor × heat factor × recency factor}; each factor is bounded, so no business
 * signal can lift a poor text match over a strong one by more than a known ratio.
 *
 * <ul>
 *   <li><b>Text</b>: BM25 summed over the fields, each word's best field counting most. A title
 *       match weighs {@code titleWeight}, an excerpt match {@code excerptWeight}, a body match
 *       {@code bodyWeight}, a provider or topic name {@code nameWeight}. The same word matched
 *       unstemmed (exactly as typed) adds {@code exactWeight} times its field's weight on top, so
 *       "running" ranks a title saying "running" above one saying "runs".
 *   <li><b>Quality</b>: {@code 1 + qualityWeight × (q − pivot) / (q + pivot)}: 1 at the pivot,
 *       approaching {@code 1 ± qualityWeight} at the extremes. Unknown quality (−1) is exactly 1.
 *   <li><b>Heat</b>: the same curve with {@code heatWeight} and {@code heatPivot}; unknown heat (−1)
 *       is exactly 1, never a penalty.
 *   <li><b>Recency</b>: {@code floor + (1 − floor) × 2^(−age / halfLife)}, age measured from
 *       {@code recencyOrigin} (by default the newest story in the index, so an archive ranks its own
 *       latest news first as a live feed would). A story without a date gets the floor.
 *   <li><b>Provider diversity</b> (relevance order only): within the first {@code diversityWindow}
 *       stories at most {@code maxPerProvider} from one provider; the others move down, none is
 *       dropped. 0 turns it off.
 * </ul>
 *
 * <p>Bounds with the defaults: quality 0.7–1.3, heat 0.9–1.1, recency 0.7–1; all factors together
 * can move a score by at most ×3.24 ((1.3 × 1.1 × 1) / (0.7 × 0.9 × 0.7)).
 */
public record RankingProfile(
    double titleWeight,
    double excerptWeight,
    double bodyWeight,
    double nameWeight,
    double exactWeight,
    double qualityWeight,
    int qualityPivot,
    double heatWeight,
    int heatPivot,
    double recencyFloor,
    Duration recencyHalfLife,
    Optional<Instant> recencyOrigin,
    int diversityWindow,
    int maxPerProvider) {

  /**
   * The defaults. Pivots sit at the medians of the real corpus (quality 31, known heat 34), so a
   * typical story gets factors near 1; heat weighs a third of quality because it is known for few
   * stories (articles only) and says how loud a story is, not how good.
   */
  public static final RankingProfile DEFAULT = new RankingProfile(
      3.0, 1.0, 0.4, 1.0, 0.5,
      0.3, 30,
      0.1, 35,
      0.7, Duration.ofDays(30), Optional.empty(),
      10, 3);

  /** Text relevance only: every business factor is 1. */
  public static final RankingProfile TEXT_ONLY = DEFAULT.toBuilder().qualityWeight(0).heatWeight(0).recencyFloor(1).build();

  public RankingProfile {
    requireRange("titleWeight", titleWeight, 0, 100);
    requireRange("excerptWeight", excerptWeight, 0, 100);
    requireRange("bodyWeight", bodyWeight, 0, 100);
    requireRange("nameWeight", nameWeight, 0, 100);
    requireRange("exactWeight", exactWeight, 0, 10);
    requireRange("qualityWeight", qualityWeight, 0, 0.95);
    requireRange("heatWeight", heatWeight, 0, 0.95);
    requireRange("recencyFloor", recencyFloor, 0.05, 1);
    if (qualityPivot < 1) throw invalid("qualityPivot", "qualityPivot must be at least 1");
    if (heatPivot < 1) throw invalid("heatPivot", "heatPivot must be at least 1");
    if (recencyHalfLife == null || recencyHalfLife.isNegative() || recencyHalfLife.isZero()) {
      throw invalid("recencyHalfLife", "recencyHalfLife must be positive");
    }
    recencyOrigin = recencyOrigin == null ? Optional.empty() : recencyOrigin;
    if (diversityWindow < 0 || diversityWindow > 100) throw invalid("diversityWindow", "diversityWindow must be between 0 and 100");
    if (maxPerProvider < 0) throw invalid("maxPerProvider", "maxPerProvider must be 0 (off) or more");
  }

  /** The quality factor for a quality score (−1 = unknown = 1). */
  public double qualityFactor(long quality) {
    return signalFactor(quality, qualityWeight, qualityPivot);
  }

  /** The heat factor for a heat score (−1 = unknown = 1). */
  public double heatFactor(long heat) {
    return signalFactor(heat, heatWeight, heatPivot);
  }

  /**
   * The recency factor of a story published at {@code publishedMillis} (null = unknown date), measured
   * from {@code originMillis}. Stories dated after the origin count as new, not as extra-new.
   */
  public double recencyFactor(Long publishedMillis, long originMillis) {
    if (recencyFloor >= 1) return 1;
    if (publishedMillis == null) return recencyFloor;
    double age = Math.max(0, originMillis - publishedMillis);
    double decay = Math.pow(2, -age / recencyHalfLife.toMillis());
    return recencyFloor + (1 - recencyFloor) * decay;
  }

  /** An upper bound of {@code quality × heat × recency} (recency never exceeds 1). */
  public double maxFactor() {
    return (1 + qualityWeight) * (1 + heatWeight);
  }

  /** True when every business factor is 1, so ranking is text relevance alone. */
  public boolean textOnly() {
    return qualityWeight == 0 && heatWeight == 0 && recencyFloor >= 1;
  }

  private static double signalFactor(long value, double weight, int pivot) {
    if (value < 0 || weight == 0) return 1;
    return 1 + weight * (value - pivot) / (double) (value + pivot);
  }

  private static void requireRange(String name, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw invalid(name, name + " must be between " + min + " and " + max + ", not " + value);
    }
  }

  private static InvalidRequestException invalid(String name, String message) {
    return new InvalidRequestException("profile." + name, message);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public static Builder builder() {
    return new Builder(DEFAULT);
  }

  /** Starts from a profile (the defaults unless given) and changes what is set. */
  public static final class Builder {
    private double titleWeight, excerptWeight, bodyWeight, nameWeight, exactWeight, qualityWeight, heatWeight, recencyFloor;
    private int qualityPivot, heatPivot, diversityWindow, maxPerProvider;
    private Duration recencyHalfLife;
    private Optional<Instant> recencyOrigin;

    private Builder(RankingProfile p) {
      titleWeight = p.titleWeight;
      excerptWeight = p.excerptWeight;
      bodyWeight = p.bodyWeight;
      nameWeight = p.nameWeight;
      exactWeight = p.exactWeight;
      qualityWeight = p.qualityWeight;
      qualityPivot = p.qualityPivot;
      heatWeight = p.heatWeight;
      heatPivot = p.heatPivot;
      recencyFloor = p.recencyFloor;
      recencyHalfLife = p.recencyHalfLife;
      recencyOrigin = p.recencyOrigin;
      diversityWindow = p.diversityWindow;
      maxPerProvider = p.maxPerProvider;
    }

    public Builder titleWeight(double v) { titleWeight = v; return this; }
    public Builder excerptWeight(double v) { excerptWeight = v; return this; }
    public Builder bodyWeight(double v) { bodyWeight = v; return this; }
    public Builder nameWeight(double v) { nameWeight = v; return this; }
    public Builder exactWeight(double v) { exactWeight = v; return this; }
    public Builder qualityWeight(double v) { qualityWeight = v; return this; }
    public Builder qualityPivot(int v) { qualityPivot = v; return this; }
    public Builder heatWeight(double v) { heatWeight = v; return this; }
    public Builder heatPivot(int v) { heatPivot = v; return this; }
    public Builder recencyFloor(double v) { recencyFloor = v; return this; }
    public Builder recencyHalfLife(Duration v) { recencyHalfLife = v; return this; }
    public Builder recencyOrigin(Instant v) { recencyOrigin = Optional.ofNullable(v); return this; }
    public Builder diversityWindow(int v) { diversityWindow = v; return this; }
    public Builder maxPerProvider(int v) { maxPerProvider = v; return this; }

    public RankingProfile build() {
      return new RankingProfile(titleWeight, excerptWeight, bodyWeight, nameWeight, exactWeight, qualityWeight,
          qualityPivot, heatWeight, heatPivot, recencyFloor, recencyHalfLife, recencyOrigin, diversityWindow,
          maxPerProvider);
    }
  }
}
