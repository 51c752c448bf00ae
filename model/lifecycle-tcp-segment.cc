/*
 * tcp-lifecycle: raw header checks.
 */
#include "lifecycle-tcp-segment.h"

#include "ns3/tcp-option-rfc793.h"
#include "ns3/tcp-option-sack-permitted.h"
#include "ns3/tcp-option-sack.h"
#include "ns3/tcp-option-ts.h"
#include "ns3/tcp-option-winscale.h"
#include "ns3/tcp-option.h"

#include <algorithm>

namespace ns3
{

namespace
{

uint32_t
ReadU32(const uint8_t* b)
{
    return (static_cast<uint32_t>(b[0]) << 24) | (static_cast<uint32_t>(b[1]) << 16)
           | (static_cast<uint32_t>(b[2]) << 8) | b[3];
}

uint16_t
ReadU16(const uint8_t* b)
{
    return static_cast<uint16_t>((b[0] << 8) | b[1]);
}

/**
 * The one walk over a header: checks it, and fills \p header if given.
 * Options are created with Create<>(): they have no attributes, so the
 * ObjectFactory machinery of CreateObject<> buys nothing here.
 */
LifecycleTcpHeaderCheck
Walk(Ptr<const Packet> segment, TcpHeader* header, uint32_t* headerLength)
{
    uint32_t size = segment->GetSize();
    if (size < 20)
    {
        return LifecycleTcpHeaderCheck::TOO_SHORT;
    }
    uint8_t raw[60];
    segment->CopyData(raw, std::min<uint32_t>(size, sizeof(raw)));
    uint32_t hl = static_cast<uint32_t>(raw[12] >> 4) * 4;
    if (hl < 20 || hl > size)
    {
        return LifecycleTcpHeaderCheck::BAD_DATA_OFFSET;
    }
    if (header)
    {
        header->SetSourcePort(ReadU16(raw));
        header->SetDestinationPort(ReadU16(raw + 2));
        header->SetSequenceNumber(SequenceNumber32(ReadU32(raw + 4)));
        header->SetAckNumber(SequenceNumber32(ReadU32(raw + 8)));
        header->SetFlags(raw[13]);
        header->SetWindowSize(ReadU16(raw + 14));
        header->SetUrgentPointer(ReadU16(raw + 18));
    }
    // RFC 9293 3.1: options are kind (1 byte) or kind, length, data; the
    // length counts kind and length bytes, so it is at least 2 (MUST-7).
    uint32_t i = 20;
    while (i < hl)
    {
        uint8_t kind = raw[i];
        if (kind == TcpOption::END)
        {
            break; // the rest is padding
        }
        if (kind == TcpOption::NOP)
        {
            ++i;
            continue;
        }
        if (i + 1 >= hl)
        {
            return LifecycleTcpHeaderCheck::BAD_OPTION_LENGTH;
        }
        uint32_t len = raw[i + 1];
        if (len < 2 || i + len > hl)
        {
            return LifecycleTcpHeaderCheck::BAD_OPTION_LENGTH;
        }
        const uint8_t* data = raw + i + 2;
        bool lengthOk = true;
        switch (kind)
        {
            case TcpOption::MSS:
                lengthOk = len == 4;
                if (lengthOk && header)
                {
                    Ptr<TcpOptionMSS> o = Create<TcpOptionMSS>();
                    o->SetMSS(ReadU16(data));
                    header->AppendOption(o);
                }
                break;
            case TcpOption::WINSCALE:
                lengthOk = len == 3;
                if (lengthOk && header)
                {
                    Ptr<TcpOptionWinScale> o = Create<TcpOptionWinScale>();
                    o->SetScale(data[0]);
                    header->AppendOption(o);
                }
                break;
            case TcpOption::SACKPERMITTED:
                lengthOk = len == 2;
                if (lengthOk && header)
                {
                    header->AppendOption(Create<TcpOptionSackPermitted>());
                }
                break;
            case TcpOption::SACK:
                lengthOk = len >= 10 && (len - 2) % 8 == 0;
                if (lengthOk && header)
                {
                    Ptr<TcpOptionSack> o = Create<TcpOptionSack>();
                    for (uint32_t b = 0; b + 8 <= len - 2; b += 8)
                    {
                        o->AddSackBlock({SequenceNumber32(ReadU32(data + b)),
                                         SequenceNumber32(ReadU32(data + b + 4))});
                    }
                    header->AppendOption(o);
                }
                break;
            case TcpOption::TS:
                lengthOk = len == 10;
                if (lengthOk && header)
                {
                    Ptr<TcpOptionTS> o = Create<TcpOptionTS>();
                    o->SetTimestamp(ReadU32(data));
                    o->SetEcho(ReadU32(data + 4));
                    header->AppendOption(o);
                }
                break;
            default:
                break; // unknown options are skipped by their length (MUST-6)
        }
        if (!lengthOk)
        {
            return LifecycleTcpHeaderCheck::BAD_KNOWN_OPTION;
        }
        i += len;
    }
    *headerLength = hl;
    return LifecycleTcpHeaderCheck::OK;
}

} // namespace

LifecycleTcpHeaderCheck
LifecycleTcpCheckHeader(Ptr<const Packet> segment, uint32_t* headerLength)
{
    return Walk(segment, nullptr, headerLength);
}

LifecycleTcpHeaderCheck
LifecycleTcpParseHeader(Ptr<const Packet> segment, TcpHeader& header, uint32_t* headerLength)
{
    return Walk(segment, &header, headerLength);
}

std::string
LifecycleTcpHeaderCheckName(LifecycleTcpHeaderCheck c)
{
    switch (c)
    {
        case LifecycleTcpHeaderCheck::OK:
            return "ok";
        case LifecycleTcpHeaderCheck::TOO_SHORT:
            return "shorter than a TCP header";
        case LifecycleTcpHeaderCheck::BAD_DATA_OFFSET:
            return "bad data offset";
        case LifecycleTcpHeaderCheck::BAD_OPTION_LENGTH:
            return "illegal option length";
        case LifecycleTcpHeaderCheck::BAD_KNOWN_OPTION:
            return "option with the wrong length for its kind";
    }
    return "unknown";
}

} // namespace ns3
