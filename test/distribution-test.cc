/*
 * LifecycleTcpDistribution: exact nearest-rank quantiles while values are
 * few, bounded relative error once they are folded into buckets.
 */
#include "ns3/lifecycle-tcp-distribution.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace ns3
{
namespace
{

TEST(Distribution, Empty_ReportsZerosAndCountZero)
{
    LifecycleTcpDistribution d;
    EXPECT_EQ(d.Count(), 0U);
    EXPECT_EQ(d.Min(), 0);
    EXPECT_EQ(d.Max(), 0);
    EXPECT_EQ(d.Quantile(0.5), 0);
    EXPECT_DOUBLE_EQ(d.Mean(), 0.0);
    EXPECT_TRUE(d.IsExact());
}

TEST(Distribution, FewValues_QuantilesAreTheNearestRank)
{
    LifecycleTcpDistribution d;
    for (int64_t v : {50, 10, 40, 20, 30})
    {
        d.Add(v);
    }
    EXPECT_EQ(d.Count(), 5U);
    EXPECT_EQ(d.Min(), 10);
    EXPECT_EQ(d.Max(), 50);
    EXPECT_EQ(d.Quantile(0.5), 30);  // ceil(2.5) = 3rd smallest
    EXPECT_EQ(d.Quantile(0.95), 50); // ceil(4.75) = 5th
    EXPECT_EQ(d.Quantile(0.2), 10);  // ceil(1.0) = 1st
    EXPECT_EQ(d.Quantile(0.21), 20); // ceil(1.05) = 2nd
    EXPECT_EQ(d.Quantile(0), 10);
    EXPECT_EQ(d.Quantile(1), 50);
    EXPECT_DOUBLE_EQ(d.Mean(), 30.0);
}

TEST(Distribution, AddingAfterAQuantile_KeepsItCorrect)
{
    LifecycleTcpDistribution d;
    d.Add(5);
    d.Add(1);
    EXPECT_EQ(d.Quantile(1), 5);
    d.Add(9);
    EXPECT_EQ(d.Quantile(1), 9);
    EXPECT_EQ(d.Quantile(0.5), 5);
}

TEST(Distribution, NegativeValues_CountAsZero)
{
    LifecycleTcpDistribution d;
    d.Add(-7);
    EXPECT_EQ(d.Min(), 0);
    EXPECT_EQ(d.Quantile(0.5), 0);
}

TEST(Distribution, BeyondTheExactLimit_QuantilesStayWithinOnePartIn512)
{
    LifecycleTcpDistribution d;
    std::vector<int64_t> all;
    std::mt19937_64 rng(7);
    // Durations from 1 us to about 100 s, log-uniform, as times in state are.
    std::uniform_real_distribution<double> exponent(3.0, 11.0);
    const uint64_t n = LifecycleTcpDistribution::ExactLimit * 3;
    for (uint64_t i = 0; i < n; ++i)
    {
        int64_t v = static_cast<int64_t>(std::pow(10.0, exponent(rng)));
        d.Add(v);
        all.push_back(v);
    }
    EXPECT_FALSE(d.IsExact());
    EXPECT_EQ(d.Count(), n);
    std::sort(all.begin(), all.end());
    EXPECT_EQ(d.Min(), all.front());
    EXPECT_EQ(d.Max(), all.back());
    for (double q : {0.05, 0.25, 0.5, 0.75, 0.95, 0.99})
    {
        int64_t exact = all[static_cast<size_t>(std::ceil(q * n)) - 1];
        int64_t got = d.Quantile(q);
        EXPECT_LE(std::abs(got - exact), exact / 512 + 1) << "q=" << q;
    }
}

TEST(Distribution, SmallValuesInBuckets_AreExact)
{
    LifecycleTcpDistribution d;
    for (uint64_t i = 0; i <= LifecycleTcpDistribution::ExactLimit; ++i)
    {
        d.Add(static_cast<int64_t>(i % 200)); // below 256: one bucket per value
    }
    ASSERT_FALSE(d.IsExact());
    EXPECT_EQ(d.Quantile(0.5), 99);
    EXPECT_EQ(d.Max(), 199);
}

} // namespace
} // namespace ns3
