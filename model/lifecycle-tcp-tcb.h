/*
 * tcp-lifecycle: the connection variables of RFC 9293 3.3.1, named as the
 * RFC names them and grouped as it groups them.
 */
#ifndef LIFECYCLE_TCP_TCB_H
#define LIFECYCLE_TCP_TCB_H

#include "ns3/sequence-number.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup tcp-lifecycle
 * \brief Send Sequence Variables (RFC 9293 3.3.1, Figure 3).
 *
 *        1         2          3          4
 *   ----------|----------|----------|----------
 *          SND.UNA    SND.NXT    SND.UNA
 *                               +SND.WND
 */
struct LifecycleTcpSendVars
{
    SequenceNumber32 una{0}; //!< SND.UNA: oldest unacknowledged sequence number
    SequenceNumber32 nxt{0}; //!< SND.NXT: next sequence number to be sent
    uint32_t wnd{0};         //!< SND.WND: send window, in bytes (already scaled)
    SequenceNumber32 wl1{0}; //!< SND.WL1: segment sequence number used for last window update
    SequenceNumber32 wl2{0}; //!< SND.WL2: segment ack number used for last window update
    SequenceNumber32 iss{0}; //!< ISS: initial send sequence number
    /// SND.MAX: one past the highest sequence number ever sent. SND.NXT goes
    /// back to SND.UNA after a retransmission timeout; SND.MAX does not.
    SequenceNumber32 max{0};
    uint32_t maxWnd{0};   //!< MAX.SND.WND: largest window the peer offered (RFC 5961 5.2)
    uint8_t windShift{0}; //!< Snd.Wind.Shift: scale applied to SEG.WND (RFC 7323 2.3)
    uint32_t mss{536};    //!< effective send MSS (RFC 9293 3.7.1, MUST-16)
};

/**
 * \ingroup tcp-lifecycle
 * \brief Receive Sequence Variables (RFC 9293 3.3.1, Figure 4).
 *
 *       1          2          3
 *   ----------|----------|----------
 *          RCV.NXT    RCV.NXT
 *                    +RCV.WND
 */
struct LifecycleTcpRecvVars
{
    SequenceNumber32 nxt{0}; //!< RCV.NXT: next sequence number expected
    uint32_t wnd{0};         //!< RCV.WND: receive window, in bytes
    SequenceNumber32 irs{0}; //!< IRS: initial receive sequence number
    uint8_t windShift{0};    //!< Rcv.Wind.Shift: scale we apply to our SEG.WND (RFC 7323)
    /// Right edge RCV.NXT + RCV.WND as last advertised: it never moves left
    /// (RFC 9293 3.10.7.4, seventh step; SHLD-14).
    SequenceNumber32 advertisedEdge{0};
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_TCB_H */
