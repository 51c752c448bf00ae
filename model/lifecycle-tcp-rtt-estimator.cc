/*
 * tcp-lifecycle: RFC 6298 estimator.
 */
#include "lifecycle-tcp-rtt-estimator.h"

#include "ns3/assert.h"

#include <algorithm>
#include <cstdlib>

namespace ns3
{

void
LifecycleTcpRttEstimator::Configure(Time initialRto, Time minRto, Time maxRto, Time granularity)
{
    NS_ASSERT_MSG(minRto <= maxRto, "MinRto must not exceed MaxRto");
    m_initialRto = initialRto.GetNanoSeconds();
    m_minRto = minRto.GetNanoSeconds();
    m_maxRto = maxRto.GetNanoSeconds();
    m_granularity = granularity.GetNanoSeconds();
    Reset();
}

void
LifecycleTcpRttEstimator::Reset()
{
    m_srtt = 0;
    m_rttvar = 0;
    m_rto = m_initialRto;
    m_samples = 0;
}

void
LifecycleTcpRttEstimator::Sample(Time r)
{
    int64_t rtt = std::max<int64_t>(r.GetNanoSeconds(), 1);
    if (m_samples == 0)
    {
        // RFC 6298 (2.2): SRTT <- R, RTTVAR <- R/2
        m_srtt = rtt;
        m_rttvar = rtt / 2;
    }
    else
    {
        // RFC 6298 (2.3), alpha = 1/8, beta = 1/4; RTTVAR is updated with the old SRTT.
        int64_t delta = std::llabs(m_srtt - rtt);
        m_rttvar = m_rttvar - m_rttvar / 4 + delta / 4;
        m_srtt = m_srtt - m_srtt / 8 + rtt / 8;
    }
    // RTO <- SRTT + max (G, K*RTTVAR), K = 4
    m_rto = m_srtt + std::max(m_granularity, 4 * m_rttvar);
    ++m_samples;
}

Time
LifecycleTcpRttEstimator::GetRto() const
{
    // RFC 6298 (2.4) rounds up to the minimum; (2.5) allows a maximum.
    return NanoSeconds(std::min(std::max(m_rto, m_minRto), m_maxRto));
}

Time
LifecycleTcpRttEstimator::GetBackedOffRto(uint32_t backoff) const
{
    int64_t rto = GetRto().GetNanoSeconds();
    for (uint32_t i = 0; i < backoff && rto < m_maxRto; ++i)
    {
        rto *= 2; // RFC 6298 (5.5): back off the timer
    }
    return NanoSeconds(std::min(rto, m_maxRto));
}

Time
LifecycleTcpRttEstimator::GetSrtt() const
{
    return NanoSeconds(m_srtt);
}

Time
LifecycleTcpRttEstimator::GetRttVar() const
{
    return NanoSeconds(m_rttvar);
}

uint32_t
LifecycleTcpRttEstimator::GetSampleCount() const
{
    return m_samples;
}

Time
LifecycleTcpRttEstimator::GetMaxRto() const
{
    return NanoSeconds(m_maxRto);
}

} // namespace ns3
