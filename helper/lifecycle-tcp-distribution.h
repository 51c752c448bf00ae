/*
 * tcp-lifecycle: a distribution of durations in bounded memory.
 *
 * The metrics summary gives min, median, p95 and max of times in state,
 * handshake and close times over every connection of a run. Runs can hold
 * millions of connections, so values are kept exactly up to a limit and then
 * folded into a log-linear histogram (the scheme of HdrHistogram) whose
 * quantiles are within 1/512 of the true value.
 */
#ifndef LIFECYCLE_TCP_DISTRIBUTION_H
#define LIFECYCLE_TCP_DISTRIBUTION_H

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup tcp-lifecycle
 * \brief Count, min, max, mean and quantiles of non-negative integer values
 * (nanoseconds here) in bounded memory.
 *
 * Up to ExactLimit values are kept as they are and quantiles are exact
 * (nearest rank: the q-quantile of n values is the ceil(q*n)-th smallest).
 * Beyond that, values go into buckets: the range [2^k, 2^(k+1)) is cut into
 * 256 equal sub-buckets, so a quantile is reported as the middle of its
 * sub-bucket, within 1/512 of the value relative to it. Count, min, max and
 * mean stay exact.
 */
class LifecycleTcpDistribution
{
  public:
    /// Values kept exactly before the histogram takes over.
    static constexpr uint64_t ExactLimit = 65536;

    /// \brief Add a value (negative values count as 0).
    void Add(int64_t value);
    /// \return number of values added
    uint64_t Count() const;
    /// \return the smallest value (0 when empty)
    int64_t Min() const;
    /// \return the largest value (0 when empty)
    int64_t Max() const;
    /// \return the mean (0 when empty)
    double Mean() const;
    /**
     * \param q the quantile, in [0, 1]
     * \return the q-quantile (0 when empty); Quantile(0.5) is the median
     */
    int64_t Quantile(double q) const;
    /// \return true while every value is kept and quantiles are exact
    bool IsExact() const;

  private:
    /// \brief Move the kept values into the buckets.
    void FoldIntoBuckets();
    /// \return the bucket index of \p value
    static uint32_t BucketOf(uint64_t value);
    /// \return the middle value of bucket \p index
    static uint64_t BucketMiddle(uint32_t index);

    uint64_t m_count{0};
    int64_t m_min{0};
    int64_t m_max{0};
    long double m_sum{0};
    mutable std::vector<int64_t> m_values; //!< exact values (sorted lazily)
    mutable bool m_sorted{true};           //!< m_values is sorted
    std::vector<uint64_t> m_buckets;       //!< counts, once beyond ExactLimit
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_DISTRIBUTION_H */
