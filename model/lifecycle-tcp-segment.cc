/*
 * tcp-lifecycle: raw header checks.
 */
#include "lifecycle-tcp-segment.h"

#include "ns3/tcp-option.h"

#include <algorithm>

namespace ns3
{

LifecycleTcpHeaderCheck
LifecycleTcpCheckHeader(Ptr<const Packet> segment, uint32_t* headerLength)
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
        bool lengthOk = true;
        switch (kind)
        {
            case TcpOption::MSS:
                lengthOk = len == 4;
                break;
            case TcpOption::WINSCALE:
                lengthOk = len == 3;
                break;
            case TcpOption::SACKPERMITTED:
                lengthOk = len == 2;
                break;
            case TcpOption::SACK:
                lengthOk = len >= 10 && (len - 2) % 8 == 0;
                break;
            case TcpOption::TS:
                lengthOk = len == 10;
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
