/*
 * tcp-lifecycle: checks on arriving segments before they are parsed, and the
 * segment arithmetic of RFC 9293 3.3.1 (SEG.LEN).
 *
 * ns-3's TcpHeader parses options leniently: an option with an illegal
 * length makes it stop early, and the header it reports is then shorter than
 * the one on the wire, so payload bytes would be misread. The raw bytes are
 * therefore checked first (RFC 9293 3.1, MUST-7: "TCP implementations MUST be
 * prepared to handle an illegal option length"), and a segment that fails is
 * dropped and counted, never parsed.
 *
 * The same walk fills the TcpHeader: building options through ns-3's
 * TcpOption::CreateOption (an ObjectFactory) cost a tenth of all the
 * instructions of a bulk transfer; here they are plain allocations. When
 * checksums are enabled the segment goes through TcpHeader::Deserialize
 * instead, which verifies the checksum.
 */
#ifndef LIFECYCLE_TCP_SEGMENT_H
#define LIFECYCLE_TCP_SEGMENT_H

#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/tcp-header.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup tcp-lifecycle
 * \brief Outcome of checking a segment's raw header.
 */
enum class LifecycleTcpHeaderCheck : uint8_t
{
    OK,                //!< well formed
    TOO_SHORT,         //!< fewer than 20 bytes
    BAD_DATA_OFFSET,   //!< data offset below 5 words or beyond the segment
    BAD_OPTION_LENGTH, //!< an option length of 0 or 1, or running past the options
    BAD_KNOWN_OPTION   //!< MSS, window scale, SACK or timestamps with the wrong length
};

/**
 * \ingroup tcp-lifecycle
 * \brief Check the header of a segment as it arrived.
 * \param segment the TCP segment (header and payload)
 * \param headerLength set to the header length in bytes (data offset * 4) when OK
 * \return the outcome
 */
LifecycleTcpHeaderCheck LifecycleTcpCheckHeader(Ptr<const Packet> segment, uint32_t* headerLength);

/**
 * \ingroup tcp-lifecycle
 * \brief Check a segment's header and read it into \p header.
 *
 * Options ns-3 does not know, and NOP and End-of-Option-List, are skipped
 * (MUST-6); every other field and option is set as on the wire. The
 * checksum field is not verified (see TcpHeader::Deserialize for that).
 *
 * \param segment the TCP segment (header and payload)
 * \param header filled when the outcome is OK
 * \param headerLength set to the header length in bytes when OK
 * \return the outcome
 */
LifecycleTcpHeaderCheck LifecycleTcpParseHeader(Ptr<const Packet> segment,
                                                TcpHeader& header,
                                                uint32_t* headerLength);

/// \return a short description of a check outcome
std::string LifecycleTcpHeaderCheckName(LifecycleTcpHeaderCheck c);

/**
 * \ingroup tcp-lifecycle
 * \brief SEG.LEN: the octets a segment occupies, SYN and FIN included.
 * \param h the header
 * \param payload payload bytes
 * \return SEG.LEN
 */
inline uint32_t
LifecycleTcpSegLen(const TcpHeader& h, uint32_t payload)
{
    uint8_t f = h.GetFlags();
    return payload + ((f & TcpHeader::SYN) ? 1 : 0) + ((f & TcpHeader::FIN) ? 1 : 0);
}

} // namespace ns3

#endif /* LIFECYCLE_TCP_SEGMENT_H */
