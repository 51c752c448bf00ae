/*
 * Unit tests of LifecycleTcpTimer: a restartable one-shot timer on the ns-3
 * simulator. Whatever it does with its scheduled event internally (moving the
 * deadline later leaves the event in place), it must expire exactly once, at
 * exactly the last deadline set, and never after Stop().
 */
#include "lifecycle-test-network.h"

#include "ns3/lifecycle-tcp-timer.h"
#include "ns3/nstime.h"
#include "ns3/simulator.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

namespace ns3
{
namespace lifecycle_test
{
namespace
{

using Times = std::vector<Time>;

/// A timer whose expiries are recorded with their times.
class TimerTest : public SimulationTest
{
  protected:
    void SetUp() override
    {
        SimulationTest::SetUp();
        timer.SetFunction(Callback<void>([this]() { expiries.push_back(Simulator::Now()); }));
    }

    /// \brief Call \p f at absolute time \p at.
    template <typename F>
    static void At(Time at, F f)
    {
        Simulator::Schedule(at - Simulator::Now(), f);
    }

    LifecycleTcpTimer timer; //!< the timer under test
    Times expiries;          //!< when it expired
};

TEST_F(TimerTest, ExpiresOnceWhenTheDelayHasPassed)
{
    timer.Start(Seconds(5));
    EXPECT_TRUE(timer.IsRunning());
    bool runningAt4 = false;
    At(Seconds(4), [&]() { runningAt4 = timer.IsRunning(); });
    Simulator::Run();
    EXPECT_TRUE(runningAt4);
    EXPECT_EQ(expiries, (Times{Seconds(5)}));
    EXPECT_FALSE(timer.IsRunning());
}

TEST_F(TimerTest, IsNotRunningBeforeStart)
{
    EXPECT_FALSE(timer.IsRunning());
    EXPECT_EQ(timer.GetDelayLeft(), Time(0));
    Simulator::Run();
    EXPECT_TRUE(expiries.empty());
}

TEST_F(TimerTest, RestartWithALaterDeadlineMovesTheExpiryLater)
{
    timer.Start(Seconds(5));
    At(Seconds(2), [&]() { timer.Start(Seconds(5)); });
    Simulator::Run();
    // Not at 5 s: only at 7 s.
    EXPECT_EQ(expiries, (Times{Seconds(7)}));
}

TEST_F(TimerTest, RestartWithAnEarlierDeadlineMovesTheExpiryEarlier)
{
    timer.Start(Seconds(10));
    At(Seconds(1), [&]() { timer.Start(Seconds(2)); });
    Simulator::Run();
    // At 3 s, and not again at 10 s.
    EXPECT_EQ(expiries, (Times{Seconds(3)}));
}

TEST_F(TimerTest, RestartWithTheSameDeadlineExpiresOnce)
{
    timer.Start(Seconds(5));
    At(Seconds(1), [&]() { timer.Start(Seconds(4)); });
    Simulator::Run();
    EXPECT_EQ(expiries, (Times{Seconds(5)}));
}

TEST_F(TimerTest, RestartedOnEveryPacketItExpiresOnceAfterTheLastRestart)
{
    // The retransmission timer restarted on each ACK, every 100 ms for 5 s.
    timer.Start(Seconds(1));
    for (int i = 1; i <= 50; ++i)
    {
        At(MilliSeconds(100 * i), [&]() { timer.Start(Seconds(1)); });
    }
    Simulator::Run();
    EXPECT_EQ(expiries, (Times{Seconds(6)}));
}

TEST_F(TimerTest, DeadlineMovedLaterAndThenEarlierExpiresAtTheLastDeadline)
{
    timer.Start(Seconds(2));                                    // deadline 2 s
    At(Seconds(1), [&]() { timer.Start(Seconds(9)); });         // deadline 10 s
    At(MilliSeconds(1500), [&]() { timer.Start(Seconds(1)); }); // deadline 2.5 s
    Simulator::Run();
    EXPECT_EQ(expiries, (Times{MilliSeconds(2500)}));
}

TEST_F(TimerTest, DeadlineMovedEarlierThanTheFirstOneExpiresAtIt)
{
    timer.Start(Seconds(2));                                   // deadline 2 s
    At(Seconds(1), [&]() { timer.Start(Seconds(9)); });        // deadline 10 s
    At(Seconds(1), [&]() { timer.Start(MilliSeconds(200)); }); // deadline 1.2 s
    Simulator::Run();
    EXPECT_EQ(expiries, (Times{MilliSeconds(1200)}));
}

TEST_F(TimerTest, StopPreventsTheExpiry)
{
    timer.Start(Seconds(5));
    At(Seconds(1), [&]() { timer.Stop(); });
    Simulator::Run();
    EXPECT_TRUE(expiries.empty());
    EXPECT_FALSE(timer.IsRunning());
    EXPECT_EQ(timer.GetDelayLeft(), Time(0));
}

TEST_F(TimerTest, StopAfterARestartLaterPreventsTheExpiry)
{
    timer.Start(Seconds(2));
    At(Seconds(1), [&]() { timer.Start(Seconds(5)); }); // event still at 2 s, deadline 6 s
    At(Seconds(3), [&]() { timer.Stop(); });            // after the early event re-armed
    Simulator::Run();
    EXPECT_TRUE(expiries.empty());
}

TEST_F(TimerTest, StartAfterStopWithALaterDeadlineExpiresOnlyAtTheNewDeadline)
{
    timer.Start(Seconds(5));
    At(Seconds(1), [&]() { timer.Stop(); });
    At(Seconds(2), [&]() { timer.Start(Seconds(10)); });
    Simulator::Run();
    EXPECT_EQ(expiries, (Times{Seconds(12)}));
}

TEST_F(TimerTest, StartAfterStopWithAnEarlierDeadlineExpiresOnlyAtTheNewDeadline)
{
    timer.Start(Seconds(5));
    At(Seconds(1), [&]() { timer.Stop(); });
    At(Seconds(2), [&]() { timer.Start(Seconds(1)); });
    Simulator::Run();
    EXPECT_EQ(expiries, (Times{Seconds(3)}));
}

TEST_F(TimerTest, StartAfterTheStoppedEventHasPassedExpiresAtTheNewDeadline)
{
    timer.Start(Seconds(1));
    timer.Stop();
    At(Seconds(4), [&]() { timer.Start(Seconds(2)); });
    Simulator::Run();
    EXPECT_EQ(expiries, (Times{Seconds(6)}));
}

TEST_F(TimerTest, GetDelayLeftCountsDownToTheCurrentDeadline)
{
    timer.Start(Seconds(5));
    EXPECT_EQ(timer.GetDelayLeft(), Seconds(5));
    Time at2;
    Time at3;
    Time at4;
    At(Seconds(2),
       [&]()
       {
           at2 = timer.GetDelayLeft();
           timer.Start(Seconds(10)); // deadline 12 s
       });
    At(Seconds(3), [&]() { at3 = timer.GetDelayLeft(); });
    At(MilliSeconds(5500),
       [&]()
       {
           timer.Start(Seconds(1)); // deadline 6.5 s
           at4 = timer.GetDelayLeft();
       });
    Simulator::Run();
    EXPECT_EQ(at2, Seconds(3));
    EXPECT_EQ(at3, Seconds(9));
    EXPECT_EQ(at4, Seconds(1));
    EXPECT_EQ(expiries, (Times{MilliSeconds(6500)}));
    EXPECT_EQ(timer.GetDelayLeft(), Time(0));
}

TEST_F(TimerTest, ZeroDelayExpiresAtTheCurrentTime)
{
    At(Seconds(1), [&]() { timer.Start(Time(0)); });
    Simulator::Run();
    EXPECT_EQ(expiries, (Times{Seconds(1)}));
}

TEST_F(TimerTest, ZeroDelayRestartOfARunningTimerExpiresNow)
{
    timer.Start(Seconds(5));
    At(Seconds(1), [&]() { timer.Start(Time(0)); });
    Simulator::Run();
    EXPECT_EQ(expiries, (Times{Seconds(1)}));
}

TEST_F(TimerTest, ExpiryCallbackCanRestartTheTimer)
{
    int count = 0;
    timer.SetFunction(Callback<void>(
        [&]()
        {
            expiries.push_back(Simulator::Now());
            EXPECT_FALSE(timer.IsRunning()); // not running while it expires
            if (++count < 3)
            {
                timer.Start(Seconds(2)); // e.g. a backed-off retransmission timer
            }
        }));
    timer.Start(Seconds(1));
    Simulator::Run();
    EXPECT_EQ(expiries, (Times{Seconds(1), Seconds(3), Seconds(5)}));
    EXPECT_FALSE(timer.IsRunning());
}

TEST_F(TimerTest, ExpiryCallbackIsTheLastOneSet)
{
    std::vector<int> calls;
    timer.SetFunction(Callback<void>([&]() { calls.push_back(1); }));
    timer.Start(Seconds(1));
    timer.SetFunction(Callback<void>([&]() { calls.push_back(2); }));
    Simulator::Run();
    EXPECT_EQ(calls, (std::vector<int>{2}));
}

TEST_F(TimerTest, DestroyingARunningTimerCancelsItsExpiry)
{
    int count = 0;
    auto t = std::make_unique<LifecycleTcpTimer>();
    t->SetFunction(Callback<void>([&]() { ++count; }));
    t->Start(Seconds(1));
    At(MilliSeconds(500), [&]() { t.reset(); });
    Simulator::Run();
    EXPECT_EQ(count, 0);
}

TEST_F(TimerTest, CancelDisarmsTheTimer)
{
    timer.Start(Seconds(5));
    At(Seconds(1),
       [&]()
       {
           timer.Cancel();
           EXPECT_FALSE(timer.IsRunning());
           EXPECT_EQ(timer.GetDelayLeft(), Time(0));
       });
    Simulator::Run();
    EXPECT_TRUE(expiries.empty());
}

TEST_F(TimerTest, CancelLeavesNoEventToRunTheClockOn)
{
    // Restarted later, so an early event is pending when Cancel() comes.
    timer.Start(Seconds(2));
    At(Seconds(1), [&]() { timer.Start(Seconds(10)); });
    At(MilliSeconds(1500), [&]() { timer.Cancel(); });
    Simulator::Run();
    EXPECT_TRUE(expiries.empty());
    // The simulation ended at the Cancel(): no event of the timer remained.
    EXPECT_EQ(Simulator::Now(), MilliSeconds(1500));
}

TEST_F(TimerTest, StartAfterCancelArmsTheTimerAgain)
{
    timer.Start(Seconds(5));
    At(Seconds(1), [&]() { timer.Cancel(); });
    At(Seconds(2), [&]() { timer.Start(Seconds(1)); });
    At(Seconds(4), [&]() { timer.Start(Seconds(1)); });
    At(Seconds(4), [&]() { timer.Cancel(); });
    At(Seconds(6), [&]() { timer.Start(Seconds(2)); });
    Simulator::Run();
    EXPECT_EQ(expiries, (Times{Seconds(3), Seconds(8)}));
}

TEST_F(TimerTest, CancelOfAStoppedOrIdleTimerIsHarmless)
{
    timer.Cancel(); // never started
    timer.Start(Seconds(1));
    timer.Stop();
    timer.Cancel(); // stopped, event still pending
    timer.Cancel();
    Simulator::Run();
    EXPECT_TRUE(expiries.empty());
    EXPECT_EQ(Simulator::Now(), Time(0));
}

TEST_F(TimerTest, IndependentTimersExpireIndependently)
{
    LifecycleTcpTimer other;
    Times otherExpiries;
    other.SetFunction(Callback<void>([&]() { otherExpiries.push_back(Simulator::Now()); }));
    timer.Start(Seconds(3));
    other.Start(Seconds(1));
    At(MilliSeconds(500), [&]() { other.Start(Seconds(4)); });
    At(Seconds(2), [&]() { timer.Stop(); });
    Simulator::Run();
    EXPECT_TRUE(expiries.empty());
    EXPECT_EQ(otherExpiries, (Times{MilliSeconds(4500)}));
}

} // namespace
} // namespace lifecycle_test
} // namespace ns3
