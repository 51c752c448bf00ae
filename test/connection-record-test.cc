/*
 * LifecycleTcpConnectionRecord: per-state times, opener and closer roles,
 * handshake and close times, from a sequence of transitions.
 */
#include "ns3/lifecycle-tcp-connection-record.h"

#include <gtest/gtest.h>

namespace ns3
{
namespace
{

using S = TcpSocket;

/// Feeds (time in ms, from, to) transitions to a record.
void
Feed(LifecycleTcpConnectionRecord& r,
     std::initializer_list<std::tuple<int, LifecycleTcpState, LifecycleTcpState>> steps)
{
    for (const auto& [ms, from, to] : steps)
    {
        r.Transition(MilliSeconds(ms), from, to);
    }
}

TEST(ConnectionRecord, ActiveOpenActiveClose_StateTimesAndRoles)
{
    LifecycleTcpConnectionRecord r;
    r.remotePort = 80;
    r.Begin(MilliSeconds(0), S::CLOSED);
    Feed(r,
         {{100, S::CLOSED, S::SYN_SENT},
          {120, S::SYN_SENT, S::ESTABLISHED},
          {1120, S::ESTABLISHED, S::FIN_WAIT_1},
          {1140, S::FIN_WAIT_1, S::FIN_WAIT_2},
          {1150, S::FIN_WAIT_2, S::TIME_WAIT},
          {241150, S::TIME_WAIT, S::CLOSED}});
    EXPECT_EQ(r.opener, LifecycleTcpOpener::ACTIVE);
    EXPECT_EQ(r.closer, LifecycleTcpCloser::ACTIVE);
    EXPECT_EQ(r.states[S::CLOSED].entries, 2U);
    EXPECT_EQ(r.states[S::CLOSED].total, MilliSeconds(100)); // before Connect
    EXPECT_EQ(r.states[S::SYN_SENT].total, MilliSeconds(20));
    EXPECT_EQ(r.states[S::ESTABLISHED].firstEntry, MilliSeconds(120));
    EXPECT_EQ(r.states[S::ESTABLISHED].total, Seconds(1));
    EXPECT_EQ(*r.HandshakeTime(), MilliSeconds(20));
    EXPECT_EQ(*r.TimeWaitTime(), Seconds(240));
    EXPECT_EQ(*r.Lifetime(Seconds(999)), MilliSeconds(241050)); // Connect to CLOSED
    EXPECT_FALSE(r.CloseTime());                                // no FIN time given
    r.firstFinAt = MilliSeconds(1120);
    EXPECT_EQ(*r.CloseTime(), MilliSeconds(240030));
    EXPECT_FALSE(r.states[S::LISTEN].firstEntry);
    EXPECT_TRUE(r.IsConnection());
}

TEST(ConnectionRecord, Fork_IsPassiveOpenerBornInListen)
{
    LifecycleTcpConnectionRecord r;
    r.remotePort = 49152;
    r.Begin(MilliSeconds(10), S::LISTEN);
    Feed(r,
         {{10, S::LISTEN, S::SYN_RCVD},
          {30, S::SYN_RCVD, S::ESTABLISHED},
          {500, S::ESTABLISHED, S::CLOSE_WAIT},
          {600, S::CLOSE_WAIT, S::LAST_ACK},
          {620, S::LAST_ACK, S::CLOSED}});
    EXPECT_EQ(r.opener, LifecycleTcpOpener::PASSIVE);
    EXPECT_EQ(r.closer, LifecycleTcpCloser::PASSIVE);
    EXPECT_EQ(r.states[S::LISTEN].entries, 1U);
    EXPECT_EQ(r.states[S::LISTEN].total, Time(0));
    EXPECT_EQ(*r.HandshakeTime(), MilliSeconds(20)); // SYN received to ESTABLISHED
    EXPECT_FALSE(r.TimeWaitTime());
}

TEST(ConnectionRecord, CrossingSyns_AreASimultaneousOpen)
{
    LifecycleTcpConnectionRecord r;
    r.Begin(Time(0), S::CLOSED);
    Feed(r,
         {{0, S::CLOSED, S::SYN_SENT},
          {10, S::SYN_SENT, S::SYN_RCVD},
          {20, S::SYN_RCVD, S::ESTABLISHED}});
    EXPECT_EQ(r.opener, LifecycleTcpOpener::SIMULTANEOUS);
    EXPECT_EQ(*r.HandshakeTime(), MilliSeconds(20)); // from our SYN
}

TEST(ConnectionRecord, ClosingThatWaitsForAnAck_IsASimultaneousClose)
{
    LifecycleTcpConnectionRecord r;
    r.Begin(Time(0), S::ESTABLISHED);
    Feed(r,
         {{10, S::ESTABLISHED, S::FIN_WAIT_1},
          {20, S::FIN_WAIT_1, S::CLOSING},
          {30, S::CLOSING, S::TIME_WAIT}});
    EXPECT_EQ(r.closer, LifecycleTcpCloser::SIMULTANEOUS);
}

TEST(ConnectionRecord, ClosingForNoTime_IsAnActiveClose)
{
    // ns-3's native TCP on a FIN that also acknowledges ours.
    LifecycleTcpConnectionRecord r;
    r.Begin(Time(0), S::ESTABLISHED);
    Feed(r,
         {{10, S::ESTABLISHED, S::FIN_WAIT_1},
          {20, S::FIN_WAIT_1, S::CLOSING},
          {20, S::CLOSING, S::TIME_WAIT}});
    EXPECT_EQ(r.closer, LifecycleTcpCloser::ACTIVE);
    EXPECT_EQ(r.states[S::CLOSING].entries, 1U); // the visit itself is kept
}

TEST(ConnectionRecord, Listener_IsNotAConnection)
{
    LifecycleTcpConnectionRecord r;
    r.Begin(Time(0), S::CLOSED);
    Feed(r, {{5, S::CLOSED, S::LISTEN}});
    r.Settle(Seconds(10));
    EXPECT_EQ(r.opener, LifecycleTcpOpener::LISTENER);
    EXPECT_FALSE(r.IsConnection());
    EXPECT_TRUE(r.IsWorthWriting());
    EXPECT_EQ(r.states[S::LISTEN].total, MilliSeconds(9995));
}

TEST(ConnectionRecord, NeverLeftClosed_IsNotWorthWriting)
{
    LifecycleTcpConnectionRecord r;
    r.Begin(Time(0), S::CLOSED);
    r.Settle(Seconds(1));
    EXPECT_FALSE(r.IsWorthWriting());
    EXPECT_FALSE(r.Lifetime(Seconds(1)));
}

TEST(ConnectionRecord, StillOpenAtTheEnd_CountsTheCurrentStateUpToTheEnd)
{
    LifecycleTcpConnectionRecord r;
    r.Begin(Time(0), S::CLOSED);
    Feed(r, {{0, S::CLOSED, S::SYN_SENT}, {20, S::SYN_SENT, S::ESTABLISHED}});
    r.Settle(Seconds(5));
    EXPECT_EQ(r.states[S::ESTABLISHED].total, MilliSeconds(4980));
    EXPECT_EQ(*r.Lifetime(Seconds(5)), Seconds(5));
    EXPECT_FALSE(r.closedAt);
}

TEST(ConnectionRecord, FoundInAStateOfUnknownEntry_HasNoFirstEntryNorLifetime)
{
    LifecycleTcpConnectionRecord r;
    r.Begin(Seconds(3), S::LISTEN, true, false);
    r.Settle(Seconds(10));
    EXPECT_EQ(r.states[S::LISTEN].entries, 1U);
    EXPECT_FALSE(r.states[S::LISTEN].firstEntry);
    EXPECT_EQ(r.states[S::LISTEN].total, Seconds(7)); // from when it was found
    EXPECT_FALSE(r.Lifetime(Seconds(10)));
}

TEST(ConnectionRecord, UnknownState_IsLearntFromTheFirstTransition)
{
    LifecycleTcpConnectionRecord r;
    r.Begin(Seconds(1), S::CLOSED, false);
    r.Settle(Seconds(2)); // nothing known to count yet
    r.Transition(Seconds(4), S::ESTABLISHED, S::FIN_WAIT_1);
    EXPECT_EQ(r.states[S::ESTABLISHED].entries, 1U);
    EXPECT_FALSE(r.states[S::ESTABLISHED].firstEntry);
    EXPECT_EQ(r.states[S::ESTABLISHED].total, Seconds(3));
    EXPECT_EQ(r.closer, LifecycleTcpCloser::ACTIVE);
}

} // namespace
} // namespace ns3
