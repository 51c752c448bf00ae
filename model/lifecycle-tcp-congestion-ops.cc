/*
 * tcp-lifecycle: congestion control interface and NewReno.
 */
#include "lifecycle-tcp-congestion-ops.h"

#include "ns3/log.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LifecycleTcpCongestionOps");
NS_OBJECT_ENSURE_REGISTERED(LifecycleTcpCongestionOps);
NS_OBJECT_ENSURE_REGISTERED(LifecycleTcpNewReno);

TypeId
LifecycleTcpCongestionOps::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LifecycleTcpCongestionOps").SetParent<Object>().SetGroupName("TcpLifecycle");
    return tid;
}

LifecycleTcpCongestionOps::~LifecycleTcpCongestionOps() = default;

void
LifecycleTcpCongestionOps::Init(LifecycleTcpCongestionState& s,
                                uint32_t initialCwndSegments,
                                uint32_t initialSsThresh)
{
    // RFC 5681 (3.1) allows IW = min(4*SMSS, max(2*SMSS, 4380)); RFC 6928
    // raises it to 10 segments, ns-3's InitialCwnd default.
    s.cwnd = std::max<uint32_t>(1, initialCwndSegments) * s.smss;
    s.ssthresh = initialSsThresh;
    s.bytesAckedCa = 0;
}

void
LifecycleTcpCongestionOps::OnRetransmissionTimeout(LifecycleTcpCongestionState& s,
                                                   uint32_t flightSize,
                                                   bool firstTimeout)
{
    // RFC 5681 (4): ssthresh = max(FlightSize / 2, 2*SMSS), but only on the
    // first timeout of a loss episode (a backed-off timeout would halve a
    // FlightSize that is already one segment); then LW = 1 SMSS (3.1).
    if (firstTimeout)
    {
        s.ssthresh = std::max(flightSize / 2, 2 * s.smss);
    }
    s.cwnd = s.smss;
    s.bytesAckedCa = 0;
}

TypeId
LifecycleTcpNewReno::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LifecycleTcpNewReno")
                            .SetParent<LifecycleTcpCongestionOps>()
                            .SetGroupName("TcpLifecycle")
                            .AddConstructor<LifecycleTcpNewReno>();
    return tid;
}

std::string
LifecycleTcpNewReno::GetName() const
{
    return "NewReno";
}

void
LifecycleTcpNewReno::OnAck(LifecycleTcpCongestionState& s, uint32_t bytesAcked)
{
    if (s.cwnd < s.ssthresh)
    {
        // Slow start, RFC 5681 (3.2) with appropriate byte counting (RFC 3465,
        // L = 1 SMSS): cwnd += min(N, SMSS).
        s.cwnd += std::min(bytesAcked, s.smss);
        return;
    }
    // Congestion avoidance, RFC 5681 (3.3): one SMSS per cwnd of data acked
    // (the byte-counting variant recommended there).
    s.bytesAckedCa += bytesAcked;
    if (s.bytesAckedCa >= s.cwnd)
    {
        s.bytesAckedCa -= s.cwnd;
        s.cwnd += s.smss;
    }
}

uint32_t
LifecycleTcpNewReno::GetSsThresh(const LifecycleTcpCongestionState& s, uint32_t flightSize)
{
    // RFC 5681 (4): ssthresh = max(FlightSize / 2, 2*SMSS).
    return std::max(flightSize / 2, 2 * s.smss);
}

} // namespace ns3
