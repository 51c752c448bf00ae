/*
 * tcp-lifecycle: round-trip time estimation and the retransmission timeout,
 * as RFC 6298 specifies them.
 *
 * Arithmetic is integer nanoseconds, so the same samples always give the same
 * RTO on every machine.
 */
#ifndef LIFECYCLE_TCP_RTT_ESTIMATOR_H
#define LIFECYCLE_TCP_RTT_ESTIMATOR_H

#include "ns3/nstime.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup tcp-lifecycle
 * \brief SRTT, RTTVAR and RTO per RFC 6298.
 */
class LifecycleTcpRttEstimator
{
  public:
    /**
     * \brief Set the bounds and forget all samples.
     * \param initialRto RTO before any sample (RFC 6298 (2.1): 1 s)
     * \param minRto lower bound (RFC 6298 (2.4): 1 s)
     * \param maxRto upper bound (RFC 6298 (2.5): at least 60 s)
     * \param granularity clock granularity G of (2.2) and (2.3)
     */
    void Configure(Time initialRto, Time minRto, Time maxRto, Time granularity);

    /// \brief Forget all samples: the RTO goes back to the initial RTO.
    void Reset();

    /**
     * \brief Take one RTT measurement R (RFC 6298 (2.2) for the first, (2.3) after).
     * \param r the measured round-trip time; must be positive
     */
    void Sample(Time r);

    /// \return the RTO without backoff, bounded by min and max
    Time GetRto() const;
    /**
     * \param backoff number of consecutive timeouts
     * \return RTO * 2^backoff, bounded by the maximum (RFC 6298 (5.5))
     */
    Time GetBackedOffRto(uint32_t backoff) const;
    /// \return SRTT (zero before the first sample)
    Time GetSrtt() const;
    /// \return RTTVAR (zero before the first sample)
    Time GetRttVar() const;
    /// \return the number of samples taken since the last reset
    uint32_t GetSampleCount() const;
    /// \return the maximum RTO
    Time GetMaxRto() const;

  private:
    int64_t m_srtt{0};                //!< SRTT, ns
    int64_t m_rttvar{0};              //!< RTTVAR, ns
    int64_t m_rto{1000000000};        //!< RTO before bounds, ns
    int64_t m_initialRto{1000000000}; //!< RTO before any sample, ns
    int64_t m_minRto{1000000000};     //!< lower bound, ns
    int64_t m_maxRto{60000000000};    //!< upper bound, ns
    int64_t m_granularity{1000000};   //!< G, ns
    uint32_t m_samples{0};            //!< samples since reset
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_RTT_ESTIMATOR_H */
