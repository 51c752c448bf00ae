/*
 * Initial sequence numbers chosen by RFC 6528 (RFC 9293 3.4.1, MUST-8), as a
 * connection sees them: a clock plus a keyed hash of the 4-tuple, the key
 * drawn from ns-3's random streams -- reproducible for a seed and run number.
 */
#include "lifecycle-test-network.h"

namespace ns3
{
namespace lifecycle_test
{
namespace
{

class IsnSelection : public SimulationTest
{
};

/// A's ISS for a connection from port \p port to B:80 opened at \p at, in a
/// fresh simulation with RNG run \p run.
uint32_t
IssOfOneConnection(uint64_t run, Time at, uint16_t port)
{
    RngSeedManager::SetRun(run);
    TwoNodeNetwork::Options o;
    o.realIss = true;
    TwoNodeNetwork net(o);
    // Fixed streams: the default, automatic ones are numbered in creation
    // order across the whole process, which holds several simulations here.
    net.Tcp('A')->AssignStreams(100);
    net.Tcp('B')->AssignStreams(101);
    net.Listen('B', 80);
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(at, 'A', 80, port);
    net.RunUntil(at + Seconds(1));
    uint32_t iss = a->GetSendVars().iss.GetValue();
    Simulator::Destroy();
    return iss;
}

TEST_F(IsnSelection, SameSeedAndRun_GiveTheSameIss)
{
    EXPECT_EQ(IssOfOneConnection(1, Seconds(1), 1000), IssOfOneConnection(1, Seconds(1), 1000));
}

TEST_F(IsnSelection, AnotherRun_GivesAnotherIss)
{
    EXPECT_NE(IssOfOneConnection(1, Seconds(1), 1000), IssOfOneConnection(2, Seconds(1), 1000));
}

TEST_F(IsnSelection, SameFourTupleLater_AdvancesOnePer4Microseconds)
{
    uint32_t early = IssOfOneConnection(1, Seconds(1), 1000);
    uint32_t late = IssOfOneConnection(1, Seconds(1) + MicroSeconds(4000), 1000);
    EXPECT_EQ(late - early, 1000U); // M, the 4-microsecond clock, alone changed
}

TEST_F(IsnSelection, OtherFourTupleAtTheSameTime_GivesAnUnrelatedIss)
{
    uint32_t a = IssOfOneConnection(1, Seconds(1), 1000);
    uint32_t b = IssOfOneConnection(1, Seconds(1), 1001);
    EXPECT_NE(a, b);
    EXPECT_GT(std::max(a - b, b - a), 1000000U); // F() differs, not just by a tick
}

} // namespace
} // namespace lifecycle_test
} // namespace ns3
