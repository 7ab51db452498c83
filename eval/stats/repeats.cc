#include "ieval/stats/repeats.h"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

#include "ieval/stats/summary.h"

namespace ieval {

Result<RepeatComparison> CompareWithRepeats(std::span<const double> baseline,
                                            std::span<const double> current,
                                            double confidence) {
  if (baseline.size() < 2)
    return Status::Usage(
        "comparing with repeats needs at least 2 baseline repeats");
  if (current.empty())
    return Status::Usage("comparing with repeats needs a current value");
  if (!(confidence > 0 && confidence < 1))
    return Status::Usage("confidence must lie strictly between 0 and 1");
  const SampleSummary b = Summarize(baseline);
  const SampleSummary c = Summarize(current);
  RepeatComparison r;
  r.baseline_repeats = static_cast<int>(baseline.size());
  r.current_repeats = static_cast<int>(current.size());
  r.baseline_mean = b.mean;
  r.current_mean = c.mean;
  r.baseline_stddev = b.stddev;
  r.difference = c.mean - b.mean;
  r.degrees_of_freedom = r.baseline_repeats - 1;
  const double se =
      b.stddev * std::sqrt(1.0 / r.baseline_repeats + 1.0 / r.current_repeats);
  // Differences of sums of doubles: below this, the means are equal.
  constexpr double kEpsilon = 1e-12;
  if (!(se > kEpsilon)) {
    const bool differ = std::fabs(r.difference) > kEpsilon;
    r.t = differ ? std::copysign(std::numeric_limits<double>::infinity(),
                                 r.difference)
                 : 0;
    r.p_value = differ ? 0 : 1;
    r.lower = r.upper = r.difference;
    return r;
  }
  const boost::math::students_t t_dist(r.degrees_of_freedom);
  r.t = r.difference / se;
  r.p_value = std::min(1.0, 2 * boost::math::cdf(boost::math::complement(
                                    t_dist, std::fabs(r.t))));
  const double q = boost::math::quantile(
      boost::math::complement(t_dist, (1 - confidence) / 2));
  r.lower = r.difference - q * se;
  r.upper = r.difference + q * se;
  return r;
}

}  // namespace ieval
