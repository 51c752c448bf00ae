/*
 * Unit tests of LifecycleTcpRttEstimator against RFC 6298:
 *
 *   (2.2) first sample R:  SRTT <- R, RTTVAR <- R/2
 *   (2.3) later samples:   RTTVAR <- 3/4 RTTVAR + 1/4 |SRTT - R'|   (old SRTT)
 *                          SRTT   <- 7/8 SRTT + 1/8 R'
 *         RTO <- SRTT + max (G, 4 * RTTVAR)
 *   (2.4)/(2.5) RTO bounded by the minimum and maximum
 *   (5.5) backoff doubles the RTO, up to the maximum
 *
 * The expected values below are worked out by hand from those formulas, with
 * samples chosen so that every step is exact in integer nanoseconds.
 */
#include "ns3/lifecycle-tcp-rtt-estimator.h"
#include "ns3/nstime.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace ns3
{
namespace
{

/// \return an estimator with bounds wide enough not to interfere: min 1 ms, max 60 s, G 1 ms
LifecycleTcpRttEstimator
Unbounded()
{
    LifecycleTcpRttEstimator e;
    e.Configure(Seconds(1), MilliSeconds(1), Seconds(60), MilliSeconds(1));
    return e;
}

/// 2^20 ns: multiples of it stay exact through several 3/4 and 7/8 steps.
constexpr int64_t kUnit = 1 << 20;

/// \return \p n units of 2^20 ns (\p n may have a fraction of quarters)
Time
U(double n)
{
    return NanoSeconds(static_cast<int64_t>(n * kUnit));
}

TEST(RttEstimator, DefaultEstimatorStartsWithAOneSecondRtoAndNoSamples)
{
    LifecycleTcpRttEstimator e;
    EXPECT_EQ(e.GetRto(), Seconds(1)); // RFC 6298 (2.1)
    EXPECT_EQ(e.GetSrtt(), Time(0));
    EXPECT_EQ(e.GetRttVar(), Time(0));
    EXPECT_EQ(e.GetSampleCount(), 0U);
    EXPECT_GE(e.GetMaxRto(), Seconds(60)); // RFC 6298 (2.5): at least 60 s
}

TEST(RttEstimator, BeforeAnySampleTheRtoIsTheConfiguredInitialRto)
{
    LifecycleTcpRttEstimator e;
    e.Configure(Seconds(3), MilliSeconds(200), Seconds(120), MilliSeconds(1));
    EXPECT_EQ(e.GetRto(), Seconds(3));
    EXPECT_EQ(e.GetMaxRto(), Seconds(120));
    EXPECT_EQ(e.GetSrtt(), Time(0));
    EXPECT_EQ(e.GetRttVar(), Time(0));
}

TEST(RttEstimator, FirstSampleSetsSrttToRAndRttvarToHalfR)
{
    LifecycleTcpRttEstimator e = Unbounded();
    e.Sample(MilliSeconds(100));
    EXPECT_EQ(e.GetSrtt(), MilliSeconds(100));
    EXPECT_EQ(e.GetRttVar(), MilliSeconds(50));
    // RTO = 100 + max(1, 4 * 50) = 300 ms
    EXPECT_EQ(e.GetRto(), MilliSeconds(300));
    EXPECT_EQ(e.GetSampleCount(), 1U);
}

TEST(RttEstimator, SecondSampleUpdatesRttvarWithTheOldSrtt)
{
    LifecycleTcpRttEstimator e = Unbounded();
    e.Sample(MilliSeconds(100));
    e.Sample(MilliSeconds(200));
    // RTTVAR = 3/4 * 50 + 1/4 * |100 - 200| = 37.5 + 25 = 62.5 ms
    // (with the new SRTT it would be 3/4 * 50 + 1/4 * |112.5 - 200| = 59.375 ms)
    EXPECT_EQ(e.GetRttVar(), MicroSeconds(62500));
    // SRTT = 7/8 * 100 + 1/8 * 200 = 87.5 + 25 = 112.5 ms
    EXPECT_EQ(e.GetSrtt(), MicroSeconds(112500));
    // RTO = 112.5 + 4 * 62.5 = 362.5 ms
    EXPECT_EQ(e.GetRto(), MicroSeconds(362500));
    EXPECT_EQ(e.GetSampleCount(), 2U);
}

TEST(RttEstimator, SampleBelowSrttUsesTheAbsoluteDifference)
{
    LifecycleTcpRttEstimator e = Unbounded();
    e.Sample(MilliSeconds(100));
    e.Sample(MilliSeconds(200));
    e.Sample(MilliSeconds(50));
    // RTTVAR = 3/4 * 62.5 + 1/4 * |112.5 - 50| = 46.875 + 15.625 = 62.5 ms
    EXPECT_EQ(e.GetRttVar(), MicroSeconds(62500));
    // SRTT = 7/8 * 112.5 + 1/8 * 50 = 98.4375 + 6.25 = 104.6875 ms
    EXPECT_EQ(e.GetSrtt(), NanoSeconds(104687500));
    // RTO = 104.6875 + 250 = 354.6875 ms
    EXPECT_EQ(e.GetRto(), NanoSeconds(354687500));
}

TEST(RttEstimator, SequenceOfSamplesFollowsTheRfc6298Recurrence)
{
    // In units u of 2^20 ns.
    LifecycleTcpRttEstimator e = Unbounded();
    e.Sample(U(96));
    // SRTT = 96, RTTVAR = 48, RTO = 96 + 4 * 48 = 288
    EXPECT_EQ(e.GetSrtt(), U(96));
    EXPECT_EQ(e.GetRttVar(), U(48));
    EXPECT_EQ(e.GetRto(), U(288));

    e.Sample(U(160));
    // RTTVAR = 3/4 * 48 + 1/4 * |96 - 160| = 36 + 16 = 52
    // SRTT = 7/8 * 96 + 1/8 * 160 = 84 + 20 = 104; RTO = 104 + 208 = 312
    EXPECT_EQ(e.GetRttVar(), U(52));
    EXPECT_EQ(e.GetSrtt(), U(104));
    EXPECT_EQ(e.GetRto(), U(312));

    e.Sample(U(40));
    // RTTVAR = 3/4 * 52 + 1/4 * |104 - 40| = 39 + 16 = 55
    // SRTT = 7/8 * 104 + 1/8 * 40 = 91 + 5 = 96; RTO = 96 + 220 = 316
    EXPECT_EQ(e.GetRttVar(), U(55));
    EXPECT_EQ(e.GetSrtt(), U(96));
    EXPECT_EQ(e.GetRto(), U(316));

    e.Sample(U(200));
    // RTTVAR = 3/4 * 55 + 1/4 * |96 - 200| = 41.25 + 26 = 67.25
    // SRTT = 7/8 * 96 + 1/8 * 200 = 84 + 25 = 109; RTO = 109 + 269 = 378
    EXPECT_EQ(e.GetRttVar(), U(67.25));
    EXPECT_EQ(e.GetSrtt(), U(109));
    EXPECT_EQ(e.GetRto(), U(378));
    EXPECT_EQ(e.GetSampleCount(), 4U);
}

TEST(RttEstimator, ClockGranularityIsUsedWhenLargerThanFourRttvar)
{
    LifecycleTcpRttEstimator e;
    e.Configure(Seconds(1), MilliSeconds(1), Seconds(60), MilliSeconds(500));
    e.Sample(MilliSeconds(100));
    // RTO = 100 + max(500, 4 * 50) = 600 ms
    EXPECT_EQ(e.GetRto(), MilliSeconds(600));
}

TEST(RttEstimator, SteadyRttDecaysRttvarUntilTheGranularityBoundsTheRto)
{
    LifecycleTcpRttEstimator e = Unbounded();
    for (int i = 0; i < 19; ++i)
    {
        e.Sample(MilliSeconds(100));
    }
    // SRTT stays 100 ms; RTTVAR = 50 * (3/4)^18 = 0.2819 ms, 4 * RTTVAR = 1.13 ms > G
    EXPECT_EQ(e.GetSrtt(), MilliSeconds(100));
    EXPECT_GT(e.GetRto(), MilliSeconds(101));
    EXPECT_LT(e.GetRto(), MicroSeconds(101200));
    e.Sample(MilliSeconds(100));
    // RTTVAR = 50 * (3/4)^19 = 0.2114 ms, 4 * RTTVAR = 0.85 ms < G = 1 ms
    EXPECT_EQ(e.GetSrtt(), MilliSeconds(100));
    EXPECT_EQ(e.GetRto(), MilliSeconds(101));
}

TEST(RttEstimator, RtoBelowTheMinimumIsRoundedUpToIt)
{
    LifecycleTcpRttEstimator e;
    e.Configure(Seconds(1), Seconds(1), Seconds(60), MilliSeconds(1));
    e.Sample(MilliSeconds(100)); // computed RTO 300 ms
    EXPECT_EQ(e.GetRto(), Seconds(1));
    // SRTT and RTTVAR are not affected by the bound.
    EXPECT_EQ(e.GetSrtt(), MilliSeconds(100));
    EXPECT_EQ(e.GetRttVar(), MilliSeconds(50));
}

TEST(RttEstimator, RtoAboveTheMinimumIsNotRounded)
{
    LifecycleTcpRttEstimator e;
    e.Configure(Seconds(1), Seconds(1), Seconds(60), MilliSeconds(1));
    e.Sample(MilliSeconds(400)); // RTO = 400 + 800 = 1.2 s
    EXPECT_EQ(e.GetRto(), MilliSeconds(1200));
}

TEST(RttEstimator, RtoAboveTheMaximumIsCappedAtIt)
{
    LifecycleTcpRttEstimator e;
    e.Configure(Seconds(1), MilliSeconds(1), Seconds(2), MilliSeconds(1));
    e.Sample(Seconds(1)); // computed RTO 1 + 4 * 0.5 = 3 s
    EXPECT_EQ(e.GetRto(), Seconds(2));
    EXPECT_EQ(e.GetMaxRto(), Seconds(2));
}

TEST(RttEstimator, BackoffDoublesTheRtoPerTimeout)
{
    LifecycleTcpRttEstimator e = Unbounded();
    e.Sample(MilliSeconds(100)); // RTO 300 ms
    EXPECT_EQ(e.GetBackedOffRto(0), MilliSeconds(300));
    EXPECT_EQ(e.GetBackedOffRto(1), MilliSeconds(600));
    EXPECT_EQ(e.GetBackedOffRto(2), MilliSeconds(1200));
    EXPECT_EQ(e.GetBackedOffRto(3), MilliSeconds(2400));
    EXPECT_EQ(e.GetBackedOffRto(7), MilliSeconds(38400));
    // Backing off does not change the RTO itself.
    EXPECT_EQ(e.GetRto(), MilliSeconds(300));
}

TEST(RttEstimator, BackoffIsCappedAtTheMaximumRto)
{
    LifecycleTcpRttEstimator e = Unbounded();
    e.Sample(MilliSeconds(100)); // RTO 300 ms; 300 * 2^8 = 76.8 s > 60 s
    EXPECT_EQ(e.GetBackedOffRto(8), Seconds(60));
    EXPECT_EQ(e.GetBackedOffRto(63), Seconds(60));
    EXPECT_EQ(e.GetBackedOffRto(64), Seconds(60));
    EXPECT_EQ(e.GetBackedOffRto(1000), Seconds(60));
    EXPECT_EQ(e.GetBackedOffRto(std::numeric_limits<uint32_t>::max()), Seconds(60));
}

TEST(RttEstimator, BackoffStartsFromTheBoundedRto)
{
    // Before any sample: the initial 1 s RTO doubles.
    LifecycleTcpRttEstimator e;
    e.Configure(Seconds(1), Seconds(1), Seconds(60), MilliSeconds(1));
    EXPECT_EQ(e.GetBackedOffRto(1), Seconds(2));
    EXPECT_EQ(e.GetBackedOffRto(5), Seconds(32));
    EXPECT_EQ(e.GetBackedOffRto(6), Seconds(60));
    // A 300 ms RTO rounded up to the 1 s minimum backs off from 1 s.
    e.Sample(MilliSeconds(100));
    EXPECT_EQ(e.GetBackedOffRto(1), Seconds(2));
    EXPECT_EQ(e.GetBackedOffRto(2), Seconds(4));
}

TEST(RttEstimator, ResetForgetsTheSamples)
{
    LifecycleTcpRttEstimator e;
    e.Configure(Seconds(2), MilliSeconds(1), Seconds(60), MilliSeconds(1));
    e.Sample(MilliSeconds(100));
    e.Sample(MilliSeconds(300));
    e.Reset();
    EXPECT_EQ(e.GetSampleCount(), 0U);
    EXPECT_EQ(e.GetSrtt(), Time(0));
    EXPECT_EQ(e.GetRttVar(), Time(0));
    EXPECT_EQ(e.GetRto(), Seconds(2));
    // The next sample is a first sample again (2.2).
    e.Sample(MilliSeconds(80));
    EXPECT_EQ(e.GetSrtt(), MilliSeconds(80));
    EXPECT_EQ(e.GetRttVar(), MilliSeconds(40));
    EXPECT_EQ(e.GetRto(), MilliSeconds(240));
}

TEST(RttEstimator, ConfigureForgetsTheSamples)
{
    LifecycleTcpRttEstimator e = Unbounded();
    e.Sample(MilliSeconds(100));
    e.Configure(Seconds(3), MilliSeconds(1), Seconds(60), MilliSeconds(1));
    EXPECT_EQ(e.GetSampleCount(), 0U);
    EXPECT_EQ(e.GetSrtt(), Time(0));
    EXPECT_EQ(e.GetRto(), Seconds(3));
    e.Sample(MilliSeconds(10));
    EXPECT_EQ(e.GetSrtt(), MilliSeconds(10));
    EXPECT_EQ(e.GetRttVar(), MilliSeconds(5));
}

TEST(RttEstimator, SampleCountCountsEverySample)
{
    LifecycleTcpRttEstimator e = Unbounded();
    for (uint32_t i = 1; i <= 5; ++i)
    {
        e.Sample(MilliSeconds(10 * i));
        EXPECT_EQ(e.GetSampleCount(), i);
    }
}

} // namespace
} // namespace ns3
