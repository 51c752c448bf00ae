/*
 * tcp-lifecycle: an ns-3 error model that drops chosen TCP segments.
 *
 * "Drop the first SYN", "drop the second FIN", "drop the last ACK of the
 * handshake": installed as a device's ReceiveErrorModel, it counts the TCP
 * segments that match a flag pattern and drops the occurrences asked for.
 * It reads the segment under a PPP or Ethernet header, or bare IPv4.
 */
#ifndef LIFECYCLE_TCP_SEGMENT_ERROR_MODEL_H
#define LIFECYCLE_TCP_SEGMENT_ERROR_MODEL_H

#include "ns3/error-model.h"
#include "ns3/tcp-header.h"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup tcp-lifecycle
 * \brief Which segments a rule counts.
 */
struct LifecycleTcpSegmentMatch
{
    uint8_t flagsMask{0};  //!< flags that are compared
    uint8_t flagsValue{0}; //!< their required values
    int payload{-1};       //!< -1 any, 0 no payload, 1 some payload

    /// \return SYN without ACK
    static LifecycleTcpSegmentMatch Syn();
    /// \return SYN with ACK
    static LifecycleTcpSegmentMatch SynAck();
    /// \return any segment with FIN
    static LifecycleTcpSegmentMatch Fin();
    /// \return an ACK without SYN, FIN, RST or payload
    static LifecycleTcpSegmentMatch PureAck();
    /// \return a segment with payload
    static LifecycleTcpSegmentMatch Data();
    /// \return any segment with RST
    static LifecycleTcpSegmentMatch Rst();
    /// \return every TCP segment
    static LifecycleTcpSegmentMatch Any();
    /**
     * \brief Parse "syn", "synack", "fin", "ack", "data", "rst" or "any".
     * \param name the name
     * \param ok set to false when the name is unknown
     * \return the match
     */
    static LifecycleTcpSegmentMatch FromName(const std::string& name, bool& ok);

    /// \return true when a segment with \p flags and \p payloadBytes matches
    bool Matches(uint8_t flags, uint32_t payloadBytes) const;
};

/**
 * \ingroup tcp-lifecycle
 * \brief Drops the N-th segments that match a pattern.
 */
class LifecycleTcpSegmentErrorModel : public ErrorModel
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();

    /**
     * \brief Drop occurrence \p n (counting from 1) of segments matching \p match.
     * \param match the pattern
     * \param n which occurrence
     */
    void Drop(LifecycleTcpSegmentMatch match, uint32_t n);

    /**
     * \brief Drop occurrences \p first, first+1, ..., first+count-1.
     */
    void DropRange(LifecycleTcpSegmentMatch match, uint32_t first, uint32_t count);

    /**
     * \brief Drop occurrence \p n of segments whose sequence space contains
     * \p seq (its text, or its SYN or FIN).
     */
    void DropContaining(uint32_t seq, uint32_t n = 1);

    /**
     * \brief Drop occurrence \p n of pure ACKs (no SYN, FIN, RST or text)
     * acknowledging \p ack: the last ACK of a close, for instance, is the
     * pure ACK of the FIN's sequence number plus one.
     */
    void DropAcking(uint32_t ack, uint32_t n = 1);

    /**
     * \brief Also drop what \p next drops (for instance random loss from a
     * RateErrorModel), after this model's own rules. A device has one
     * receive error model; this chains two.
     * \param next the other model, or nullptr
     */
    void SetNext(Ptr<ErrorModel> next);

    /// \return segments dropped so far (by the rules, not by the next model)
    uint32_t GetDropCount() const;

  private:
    bool DoCorrupt(Ptr<Packet> p) override;
    void DoReset() override;

    /// One rule: a pattern, the occurrences to drop, and how many matched so far.
    struct Rule
    {
        LifecycleTcpSegmentMatch match; //!< pattern
        bool bySequence{false};         //!< match on a sequence number instead
        bool byAck{false};              //!< match pure ACKs of an acknowledgment number
        uint32_t sequence{0};           //!< the sequence (or acknowledgment) number
        std::set<uint32_t> occurrences; //!< 1-based occurrences to drop
        uint32_t seen{0};               //!< matching segments seen
    };

    std::vector<Rule> m_rules; //!< rules
    uint32_t m_drops{0};       //!< drops so far
    Ptr<ErrorModel> m_next;    //!< consulted when no rule drops
};

/**
 * \ingroup tcp-lifecycle
 * \brief The fields of a TCP segment read from a frame.
 */
struct LifecycleTcpPeekedSegment
{
    uint32_t source{0};          //!< IPv4 source address
    uint32_t destination{0};     //!< IPv4 destination address
    uint16_t sourcePort{0};      //!< TCP source port
    uint16_t destinationPort{0}; //!< TCP destination port
    uint32_t seq{0};             //!< SEG.SEQ
    uint32_t ack{0};             //!< SEG.ACK
    uint8_t flags{0};            //!< control bits
    uint16_t window{0};          //!< SEG.WND field (unscaled)
    uint32_t payloadBytes{0};    //!< SEG.LEN without SYN and FIN
};

/**
 * \ingroup tcp-lifecycle
 * \brief Find the TCP segment in a frame as a device sees it.
 * \param p the frame: PPP, Ethernet II, or bare IPv4
 * \param out set to the segment's fields
 * \return false when the frame does not hold a TCP segment
 */
bool LifecycleTcpPeekSegment(Ptr<const Packet> p, LifecycleTcpPeekedSegment& out);

} // namespace ns3

#endif /* LIFECYCLE_TCP_SEGMENT_ERROR_MODEL_H */
