/*
 * Unit tests of LifecycleTcpDemux (the connection and listener tables of one
 * node's TCP) and of LifecycleTcpFourTupleHash.
 *
 * The demux stores socket pointers and compares them, never dereferencing
 * them, so the tests use distinct fake pointers (addresses of local objects)
 * instead of real sockets.
 */
#include "ns3/ipv4-address.h"
#include "ns3/lifecycle-tcp-demux.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <unordered_map>
#include <vector>

namespace ns3
{
namespace
{

/// Distinct non-null stand-ins for sockets.
class FakeSockets
{
  public:
    /// \return the fake socket \p i (0..7)
    LifecycleTcpSocket* operator[](size_t i)
    {
        return reinterpret_cast<LifecycleTcpSocket*>(&m_storage[i]);
    }

  private:
    int m_storage[8]{};
};

const Ipv4Address kAny = Ipv4Address::GetAny();
const Ipv4Address kA("10.0.0.1");
const Ipv4Address kB("10.0.0.2");
const Ipv4Address kC("192.168.1.7");

/// \return the 4-tuple (\p la : \p lp, \p ra : \p rp)
LifecycleTcpFourTuple
Tuple(Ipv4Address la, uint16_t lp, Ipv4Address ra, uint16_t rp)
{
    LifecycleTcpFourTuple t;
    t.localAddress = la;
    t.localPort = lp;
    t.remoteAddress = ra;
    t.remotePort = rp;
    return t;
}

// ---------------------------------------------------------------- the hash

TEST(FourTupleHash, EqualTuplesHashEqually)
{
    LifecycleTcpFourTupleHash h;
    EXPECT_EQ(h(Tuple(kA, 80, kB, 1000)), h(Tuple(kA, 80, kB, 1000)));
    EXPECT_EQ(Tuple(kA, 80, kB, 1000), Tuple(kA, 80, kB, 1000));
}

TEST(FourTupleHash, EachFieldChangesTheHash)
{
    LifecycleTcpFourTupleHash h;
    const size_t base = h(Tuple(kA, 80, kB, 1000));
    EXPECT_NE(h(Tuple(kC, 80, kB, 1000)), base);
    EXPECT_NE(h(Tuple(kA, 81, kB, 1000)), base);
    EXPECT_NE(h(Tuple(kA, 80, kC, 1000)), base);
    EXPECT_NE(h(Tuple(kA, 80, kB, 1001)), base);
    // Swapping the two ends, or the two ports, makes another connection.
    EXPECT_NE(h(Tuple(kB, 1000, kA, 80)), base);
    EXPECT_NE(h(Tuple(kA, 1000, kB, 80)), base);
}

TEST(FourTupleHash, ManyConnectionsOfOneServerSpreadOverHashBuckets)
{
    // 64 clients x 1024 ports to one server port: the tuples differ in a few
    // low bits only, as a busy server's do. All hashes must differ, and the
    // low bits an unordered_map uses must spread them evenly.
    LifecycleTcpFourTupleHash h;
    std::set<size_t> hashes;
    const size_t buckets = 4096;
    std::vector<uint32_t> load(buckets, 0);
    size_t n = 0;
    for (uint32_t client = 1; client <= 64; ++client)
    {
        for (uint16_t port = 49152; port < 49152 + 1024; ++port)
        {
            size_t v = h(Tuple(kA, 80, Ipv4Address(0x0a000100 + client), port));
            hashes.insert(v);
            ++load[v % buckets];
            ++n;
        }
    }
    EXPECT_EQ(hashes.size(), n);
    // 16 per bucket on average; a poor mix (ports or addresses passed
    // through) would pile hundreds into some buckets.
    EXPECT_LE(*std::max_element(load.begin(), load.end()), 48U);
    EXPECT_EQ(std::count(load.begin(), load.end(), 0U), 0);
}

// --------------------------------------------------------- the connections

TEST(Demux, ConnectionIsFoundByItsFullFourTuple)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    ASSERT_TRUE(d.AddConnection(Tuple(kA, 80, kB, 1000), s[0]));
    EXPECT_EQ(d.FindConnection(Tuple(kA, 80, kB, 1000)), s[0]);
    EXPECT_EQ(d.GetConnectionCount(), 1U);
}

TEST(Demux, ConnectionIsNotFoundWhenAnyFieldDiffers)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    ASSERT_TRUE(d.AddConnection(Tuple(kA, 80, kB, 1000), s[0]));
    EXPECT_EQ(d.FindConnection(Tuple(kC, 80, kB, 1000)), nullptr);
    EXPECT_EQ(d.FindConnection(Tuple(kA, 81, kB, 1000)), nullptr);
    EXPECT_EQ(d.FindConnection(Tuple(kA, 80, kC, 1000)), nullptr);
    EXPECT_EQ(d.FindConnection(Tuple(kA, 80, kB, 1001)), nullptr);
    EXPECT_EQ(d.FindConnection(Tuple(kB, 1000, kA, 80)), nullptr); // the peer's view
    EXPECT_EQ(d.FindConnection(Tuple(kAny, 80, kB, 1000)), nullptr);
    EXPECT_EQ(d.FindConnection(Tuple(kA, 80, kAny, 0)), nullptr);
}

TEST(Demux, ConnectionsDifferingInOneFieldAreKeptApart)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    ASSERT_TRUE(d.AddConnection(Tuple(kA, 80, kB, 1000), s[0]));
    ASSERT_TRUE(d.AddConnection(Tuple(kA, 80, kB, 1001), s[1]));
    ASSERT_TRUE(d.AddConnection(Tuple(kA, 80, kC, 1000), s[2]));
    ASSERT_TRUE(d.AddConnection(Tuple(kC, 80, kB, 1000), s[3]));
    ASSERT_TRUE(d.AddConnection(Tuple(kB, 1000, kA, 80), s[4]));
    EXPECT_EQ(d.GetConnectionCount(), 5U);
    EXPECT_EQ(d.FindConnection(Tuple(kA, 80, kB, 1000)), s[0]);
    EXPECT_EQ(d.FindConnection(Tuple(kA, 80, kB, 1001)), s[1]);
    EXPECT_EQ(d.FindConnection(Tuple(kA, 80, kC, 1000)), s[2]);
    EXPECT_EQ(d.FindConnection(Tuple(kC, 80, kB, 1000)), s[3]);
    EXPECT_EQ(d.FindConnection(Tuple(kB, 1000, kA, 80)), s[4]);
}

TEST(Demux, SecondConnectionWithATakenFourTupleIsRefused)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    ASSERT_TRUE(d.AddConnection(Tuple(kA, 80, kB, 1000), s[0]));
    EXPECT_FALSE(d.AddConnection(Tuple(kA, 80, kB, 1000), s[1]));
    EXPECT_EQ(d.FindConnection(Tuple(kA, 80, kB, 1000)), s[0]);
    EXPECT_EQ(d.GetConnectionCount(), 1U);
}

TEST(Demux, RemoveConnectionRemovesOnlyWhenTheSocketMatches)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    ASSERT_TRUE(d.AddConnection(Tuple(kA, 80, kB, 1000), s[0]));
    // Another socket (say an old one in TIME-WAIT being cleaned up) cannot
    // remove the entry now owned by s[0].
    d.RemoveConnection(Tuple(kA, 80, kB, 1000), s[1]);
    EXPECT_EQ(d.FindConnection(Tuple(kA, 80, kB, 1000)), s[0]);
    EXPECT_EQ(d.GetConnectionCount(), 1U);
    d.RemoveConnection(Tuple(kA, 80, kB, 1000), s[0]);
    EXPECT_EQ(d.FindConnection(Tuple(kA, 80, kB, 1000)), nullptr);
    EXPECT_EQ(d.GetConnectionCount(), 0U);
    // The 4-tuple can be used again.
    EXPECT_TRUE(d.AddConnection(Tuple(kA, 80, kB, 1000), s[1]));
    EXPECT_EQ(d.FindConnection(Tuple(kA, 80, kB, 1000)), s[1]);
}

TEST(Demux, RemoveConnectionOfAnUnknownTupleChangesNothing)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    ASSERT_TRUE(d.AddConnection(Tuple(kA, 80, kB, 1000), s[0]));
    d.RemoveConnection(Tuple(kA, 80, kB, 1001), s[0]);
    EXPECT_EQ(d.GetConnectionCount(), 1U);
    EXPECT_EQ(d.FindConnection(Tuple(kA, 80, kB, 1000)), s[0]);
}

TEST(Demux, ManyConnectionsAreEachFoundAndRemoved)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    for (uint16_t port = 1; port <= 5000; ++port)
    {
        ASSERT_TRUE(d.AddConnection(Tuple(kA, 80, kB, port), s[port % 8]));
    }
    EXPECT_EQ(d.GetConnectionCount(), 5000U);
    for (uint16_t port = 1; port <= 5000; ++port)
    {
        ASSERT_EQ(d.FindConnection(Tuple(kA, 80, kB, port)), s[port % 8]);
    }
    for (uint16_t port = 1; port <= 5000; port += 2)
    {
        d.RemoveConnection(Tuple(kA, 80, kB, port), s[port % 8]);
    }
    EXPECT_EQ(d.GetConnectionCount(), 2500U);
    for (uint16_t port = 1; port <= 5000; ++port)
    {
        ASSERT_EQ(d.FindConnection(Tuple(kA, 80, kB, port)), port % 2 ? nullptr : s[port % 8]);
    }
}

// ------------------------------------------------------------ the bindings

TEST(Demux, BindingsToTheSamePortAndAddressConflict)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    ASSERT_TRUE(d.AddBinding(kA, 80, s[0]));
    EXPECT_FALSE(d.AddBinding(kA, 80, s[1]));
    ASSERT_TRUE(d.AddBinding(kAny, 81, s[2]));
    EXPECT_FALSE(d.AddBinding(kAny, 81, s[3]));
}

TEST(Demux, WildcardAndSpecificBindingsShareAPort)
{
    // As ns-3's Ipv4EndPointDemux: only the same address on the same port
    // conflicts.
    FakeSockets s;
    {
        LifecycleTcpDemux d;
        ASSERT_TRUE(d.AddBinding(kA, 80, s[0]));
        EXPECT_TRUE(d.AddBinding(kAny, 80, s[1]));
        EXPECT_FALSE(d.AddBinding(kAny, 80, s[2]));
    }
    {
        LifecycleTcpDemux d;
        ASSERT_TRUE(d.AddBinding(kAny, 80, s[0]));
        EXPECT_TRUE(d.AddBinding(kA, 80, s[1]));
        EXPECT_FALSE(d.AddBinding(kA, 80, s[2]));
    }
}

TEST(Demux, ExactAddressListenerWinsOverTheWildcardOne)
{
    FakeSockets s;
    for (bool wildcardFirst : {true, false})
    {
        LifecycleTcpDemux d;
        LifecycleTcpSocket* wildcard = s[0];
        LifecycleTcpSocket* exact = s[1];
        if (wildcardFirst)
        {
            ASSERT_TRUE(d.AddBinding(kAny, 80, wildcard));
            ASSERT_TRUE(d.AddBinding(kA, 80, exact));
        }
        else
        {
            ASSERT_TRUE(d.AddBinding(kA, 80, exact));
            ASSERT_TRUE(d.AddBinding(kAny, 80, wildcard));
        }
        d.SetListening(80, wildcard, true);
        d.SetListening(80, exact, true);
        EXPECT_EQ(d.FindListener(kA, 80), exact);
        EXPECT_EQ(d.FindListener(kB, 80), wildcard);
        d.SetListening(80, exact, false);
        EXPECT_EQ(d.FindListener(kA, 80), wildcard); // falls back once it stops listening
    }
}

TEST(Demux, DifferentSpecificAddressesShareAPort)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    EXPECT_TRUE(d.AddBinding(kA, 80, s[0]));
    EXPECT_TRUE(d.AddBinding(kB, 80, s[1]));
    EXPECT_TRUE(d.AddBinding(kC, 80, s[2]));
    EXPECT_TRUE(d.AddBinding(kAny, 80, s[3]));
    EXPECT_FALSE(d.AddBinding(kB, 80, s[4]));
}

TEST(Demux, BindingsToDifferentPortsDoNotConflict)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    EXPECT_TRUE(d.AddBinding(kAny, 80, s[0]));
    EXPECT_TRUE(d.AddBinding(kAny, 81, s[1]));
    EXPECT_TRUE(d.AddBinding(kA, 82, s[2]));
}

TEST(Demux, RefusedBindingLeavesThePortAsItWas)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    ASSERT_TRUE(d.AddBinding(kA, 80, s[0]));
    ASSERT_FALSE(d.AddBinding(kA, 80, s[1]));
    d.SetListening(80, s[0], true);
    d.SetListening(80, s[1], true); // not bound: no effect
    EXPECT_EQ(d.FindListener(kA, 80), s[0]);
    EXPECT_EQ(d.FindListener(kB, 80), nullptr);
    d.RemoveBinding(80, s[0]);
    EXPECT_FALSE(d.IsPortBound(80));
}

TEST(Demux, IsPortBoundFollowsTheBindings)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    EXPECT_FALSE(d.IsPortBound(80));
    ASSERT_TRUE(d.AddBinding(kA, 80, s[0]));
    ASSERT_TRUE(d.AddBinding(kB, 80, s[1]));
    EXPECT_TRUE(d.IsPortBound(80));
    EXPECT_FALSE(d.IsPortBound(81));
    d.RemoveBinding(80, s[0]);
    EXPECT_TRUE(d.IsPortBound(80)); // s[1] still holds it
    d.RemoveBinding(80, s[1]);
    EXPECT_FALSE(d.IsPortBound(80));
}

TEST(Demux, IsPortBoundForSeesTheSameAddressAndTheWildcardOnly)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    ASSERT_TRUE(d.AddBinding(kA, 50000, s[0]));
    EXPECT_TRUE(d.IsPortBoundFor(kA, 50000));
    EXPECT_FALSE(d.IsPortBoundFor(kB, 50000));  // another address has its own ports
    EXPECT_TRUE(d.IsPortBoundFor(kAny, 50000)); // the wildcard would overlap kA
    EXPECT_FALSE(d.IsPortBoundFor(kA, 50001));
    ASSERT_TRUE(d.AddBinding(kAny, 50001, s[1]));
    EXPECT_TRUE(d.IsPortBoundFor(kB, 50001)); // a wildcard binding covers every address
}

TEST(Demux, RemoveBindingReleasesOnlyThatSocketsBinding)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    ASSERT_TRUE(d.AddBinding(kA, 80, s[0]));
    ASSERT_TRUE(d.AddBinding(kB, 80, s[1]));
    ASSERT_TRUE(d.AddBinding(kA, 81, s[0]));
    d.RemoveBinding(80, s[0]);
    // kA:80 is free again, kB:80 is still taken, and s[0] keeps kA:81.
    EXPECT_TRUE(d.AddBinding(kA, 80, s[2]));
    EXPECT_FALSE(d.AddBinding(kB, 80, s[3]));
    EXPECT_FALSE(d.AddBinding(kA, 81, s[3]));
    // Removing a socket not bound on the port changes nothing.
    d.RemoveBinding(80, s[7]);
    EXPECT_FALSE(d.AddBinding(kA, 80, s[3]));
    d.RemoveBinding(99, s[0]); // nothing on that port at all
    EXPECT_TRUE(d.IsPortBound(81));
}

TEST(Demux, WildcardPortIsFreeForAnyAddressOnceReleased)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    ASSERT_TRUE(d.AddBinding(kAny, 80, s[0]));
    d.RemoveBinding(80, s[0]);
    EXPECT_TRUE(d.AddBinding(kA, 80, s[1]));
    EXPECT_TRUE(d.AddBinding(kB, 80, s[2]));
}

// ----------------------------------------------------------- the listeners

TEST(Demux, BoundSocketIsNotAListenerUntilItListens)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    ASSERT_TRUE(d.AddBinding(kAny, 80, s[0]));
    EXPECT_EQ(d.FindListener(kA, 80), nullptr);
    d.SetListening(80, s[0], true);
    EXPECT_EQ(d.FindListener(kA, 80), s[0]);
    d.SetListening(80, s[0], false);
    EXPECT_EQ(d.FindListener(kA, 80), nullptr);
}

TEST(Demux, WildcardListenerAcceptsSegmentsToAnyAddressOnItsPortOnly)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    ASSERT_TRUE(d.AddBinding(kAny, 80, s[0]));
    d.SetListening(80, s[0], true);
    EXPECT_EQ(d.FindListener(kA, 80), s[0]);
    EXPECT_EQ(d.FindListener(kB, 80), s[0]);
    EXPECT_EQ(d.FindListener(kC, 80), s[0]);
    EXPECT_EQ(d.FindListener(kA, 81), nullptr);
}

TEST(Demux, SpecificListenerAcceptsOnlySegmentsToItsAddress)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    ASSERT_TRUE(d.AddBinding(kA, 80, s[0]));
    d.SetListening(80, s[0], true);
    EXPECT_EQ(d.FindListener(kA, 80), s[0]);
    EXPECT_EQ(d.FindListener(kB, 80), nullptr);
}

TEST(Demux, EachAddressFindsItsOwnListenerOnASharedPort)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    ASSERT_TRUE(d.AddBinding(kA, 80, s[0]));
    ASSERT_TRUE(d.AddBinding(kB, 80, s[1]));
    ASSERT_TRUE(d.AddBinding(kC, 80, s[2]));
    d.SetListening(80, s[0], true);
    d.SetListening(80, s[1], true);
    // s[2] is bound but not listening (say it is connecting out from kC:80).
    EXPECT_EQ(d.FindListener(kA, 80), s[0]);
    EXPECT_EQ(d.FindListener(kB, 80), s[1]);
    EXPECT_EQ(d.FindListener(kC, 80), nullptr);
    EXPECT_EQ(d.FindListener(Ipv4Address("10.9.9.9"), 80), nullptr);
}

TEST(Demux, ListenersAreNotConnections)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    ASSERT_TRUE(d.AddBinding(kAny, 80, s[0]));
    d.SetListening(80, s[0], true);
    EXPECT_EQ(d.FindConnection(Tuple(kA, 80, kB, 1000)), nullptr);
    EXPECT_EQ(d.GetConnectionCount(), 0U);
    // A connection forked from the listener is found first by its 4-tuple,
    // and the listener still gets other 4-tuples.
    ASSERT_TRUE(d.AddConnection(Tuple(kA, 80, kB, 1000), s[1]));
    EXPECT_EQ(d.FindConnection(Tuple(kA, 80, kB, 1000)), s[1]);
    EXPECT_EQ(d.FindListener(kA, 80), s[0]);
}

TEST(Demux, ClearForgetsConnectionsAndBindings)
{
    FakeSockets s;
    LifecycleTcpDemux d;
    ASSERT_TRUE(d.AddConnection(Tuple(kA, 80, kB, 1000), s[0]));
    ASSERT_TRUE(d.AddBinding(kAny, 80, s[1]));
    d.SetListening(80, s[1], true);
    d.Clear();
    EXPECT_EQ(d.GetConnectionCount(), 0U);
    EXPECT_EQ(d.FindConnection(Tuple(kA, 80, kB, 1000)), nullptr);
    EXPECT_FALSE(d.IsPortBound(80));
    EXPECT_EQ(d.FindListener(kA, 80), nullptr);
    EXPECT_TRUE(d.AddBinding(kA, 80, s[2]));
    EXPECT_TRUE(d.AddConnection(Tuple(kA, 80, kB, 1000), s[3]));
}

} // namespace
} // namespace ns3
