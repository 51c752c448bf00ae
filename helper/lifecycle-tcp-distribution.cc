/*
 * tcp-lifecycle: a distribution of durations in bounded memory.
 */
#include "lifecycle-tcp-distribution.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

namespace
{
/// Sub-buckets per power of two (and the values below it, kept one per bucket).
constexpr uint32_t kSub = 256;
constexpr uint32_t kSubBits = 8;
/// Buckets: 256 for values below 256, then 256 for each of 2^8 .. 2^63.
constexpr uint32_t kBuckets = kSub + (64 - kSubBits) * kSub;
} // namespace

void
LifecycleTcpDistribution::Add(int64_t value)
{
    value = std::max<int64_t>(value, 0);
    if (m_count == 0)
    {
        m_min = value;
        m_max = value;
    }
    else
    {
        m_min = std::min(m_min, value);
        m_max = std::max(m_max, value);
    }
    ++m_count;
    m_sum += value;
    if (m_buckets.empty())
    {
        m_values.push_back(value);
        m_sorted = false;
        if (m_values.size() > ExactLimit)
        {
            FoldIntoBuckets();
        }
    }
    else
    {
        ++m_buckets[BucketOf(static_cast<uint64_t>(value))];
    }
}

uint64_t
LifecycleTcpDistribution::Count() const
{
    return m_count;
}

int64_t
LifecycleTcpDistribution::Min() const
{
    return m_min;
}

int64_t
LifecycleTcpDistribution::Max() const
{
    return m_max;
}

double
LifecycleTcpDistribution::Mean() const
{
    return m_count == 0 ? 0.0 : static_cast<double>(m_sum / m_count);
}

bool
LifecycleTcpDistribution::IsExact() const
{
    return m_buckets.empty();
}

int64_t
LifecycleTcpDistribution::Quantile(double q) const
{
    if (m_count == 0)
    {
        return 0;
    }
    q = std::min(std::max(q, 0.0), 1.0);
    // Nearest rank: the ceil(q*n)-th smallest value, at least the first.
    uint64_t rank = static_cast<uint64_t>(std::ceil(q * static_cast<double>(m_count)));
    rank = std::max<uint64_t>(rank, 1);
    if (m_buckets.empty())
    {
        if (!m_sorted)
        {
            std::sort(m_values.begin(), m_values.end());
            m_sorted = true;
        }
        return m_values[rank - 1];
    }
    uint64_t seen = 0;
    for (uint32_t i = 0; i < m_buckets.size(); ++i)
    {
        seen += m_buckets[i];
        if (seen >= rank)
        {
            int64_t middle = static_cast<int64_t>(BucketMiddle(i));
            return std::min(std::max(middle, m_min), m_max);
        }
    }
    return m_max;
}

void
LifecycleTcpDistribution::FoldIntoBuckets()
{
    m_buckets.assign(kBuckets, 0);
    for (int64_t v : m_values)
    {
        ++m_buckets[BucketOf(static_cast<uint64_t>(v))];
    }
    m_values.clear();
    m_values.shrink_to_fit();
}

uint32_t
LifecycleTcpDistribution::BucketOf(uint64_t value)
{
    if (value < kSub)
    {
        return static_cast<uint32_t>(value);
    }
    uint32_t k = 63 - static_cast<uint32_t>(__builtin_clzll(value)); // floor(log2 value) >= 8
    uint32_t sub = static_cast<uint32_t>(value >> (k - kSubBits)) - kSub;
    return kSub + (k - kSubBits) * kSub + sub;
}

uint64_t
LifecycleTcpDistribution::BucketMiddle(uint32_t index)
{
    if (index < kSub)
    {
        return index;
    }
    uint32_t k = (index - kSub) / kSub + kSubBits;
    uint64_t sub = (index - kSub) % kSub;
    uint64_t width = uint64_t{1} << (k - kSubBits);
    return ((kSub + sub) << (k - kSubBits)) + width / 2;
}

} // namespace ns3
