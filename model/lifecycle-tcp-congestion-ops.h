/*
 * tcp-lifecycle: congestion control behind a small interface.
 *
 * The connection reports what happened (bytes newly acknowledged, a loss found
 * by duplicate ACKs, a retransmission timeout, the end of a recovery) and
 * reads cwnd and ssthresh back; it does not know which algorithm runs. Loss
 * recovery itself (when to retransmit, RFC 6582's partial ACKs) stays in the
 * connection, as ns-3 separates TcpCongestionOps from TcpRecoveryOps.
 */
#ifndef LIFECYCLE_TCP_CONGESTION_OPS_H
#define LIFECYCLE_TCP_CONGESTION_OPS_H

#include "ns3/object.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup tcp-lifecycle
 * \brief The congestion state an algorithm reads and writes (RFC 5681 names).
 */
struct LifecycleTcpCongestionState
{
    uint32_t cwnd{0};         //!< congestion window, bytes
    uint32_t ssthresh{0};     //!< slow start threshold, bytes
    uint32_t smss{536};       //!< sender maximum segment size, bytes
    uint32_t bytesAckedCa{0}; //!< bytes acked since cwnd last grew in congestion avoidance
};

/**
 * \ingroup tcp-lifecycle
 * \brief Interface of a congestion control algorithm.
 */
class LifecycleTcpCongestionOps : public Object
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    ~LifecycleTcpCongestionOps() override;

    /// \return the algorithm's name
    virtual std::string GetName() const = 0;

    /**
     * \brief The connection is established: set the initial window.
     * \param s the state; smss is already set
     * \param initialCwndSegments InitialCwnd attribute, in segments
     * \param initialSsThresh InitialSlowStartThreshold attribute, bytes
     */
    virtual void Init(LifecycleTcpCongestionState& s,
                      uint32_t initialCwndSegments,
                      uint32_t initialSsThresh);

    /**
     * \brief New data was cumulatively acknowledged outside loss recovery.
     * \param s the state
     * \param bytesAcked bytes newly acknowledged
     */
    virtual void OnAck(LifecycleTcpCongestionState& s, uint32_t bytesAcked) = 0;

    /**
     * \brief A loss was detected by duplicate ACKs (fast retransmit).
     * \param s the state
     * \param flightSize bytes outstanding when the loss was detected
     * \return the new ssthresh
     */
    virtual uint32_t GetSsThresh(const LifecycleTcpCongestionState& s, uint32_t flightSize) = 0;

    /**
     * \brief The retransmission timer expired.
     * \param s the state
     * \param flightSize bytes outstanding
     * \param firstTimeout true for the first timeout of this loss episode
     */
    virtual void OnRetransmissionTimeout(LifecycleTcpCongestionState& s,
                                         uint32_t flightSize,
                                         bool firstTimeout);
};

/**
 * \ingroup tcp-lifecycle
 * \brief NewReno window management: slow start and congestion avoidance of
 * RFC 5681, the loss response of RFC 5681 (3.2) and RFC 6582.
 */
class LifecycleTcpNewReno : public LifecycleTcpCongestionOps
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();

    std::string GetName() const override;
    void OnAck(LifecycleTcpCongestionState& s, uint32_t bytesAcked) override;
    uint32_t GetSsThresh(const LifecycleTcpCongestionState& s, uint32_t flightSize) override;
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_CONGESTION_OPS_H */
