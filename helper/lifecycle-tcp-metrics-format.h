/*
 * tcp-lifecycle: per-connection metrics -- how values are written in the
 * CSV files (internal to helper/). Times are seconds with nine decimals, a
 * missing value is an empty field.
 */
#ifndef LIFECYCLE_TCP_METRICS_FORMAT_H
#define LIFECYCLE_TCP_METRICS_FORMAT_H

#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>

namespace ns3
{
namespace lifecycle_metrics_format
{

/// Append an unsigned integer (std::to_chars: no locale, no format parsing;
/// rows are written for every connection, so this is the hot path).
inline void
PutInt(std::string& out, uint64_t v)
{
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v);
    out.append(buf, end);
}

/// Append \p t as seconds with nine decimals.
inline void
PutTime(std::string& out, Time t)
{
    int64_t ns = t.GetNanoSeconds();
    if (ns < 0)
    {
        out += '-';
    }
    uint64_t a = ns < 0 ? static_cast<uint64_t>(-(ns + 1)) + 1 : static_cast<uint64_t>(ns);
    PutInt(out, a / 1000000000ULL);
    char frac[10];
    uint64_t f = a % 1000000000ULL;
    for (int i = 8; i >= 0; --i)
    {
        frac[i] = static_cast<char>('0' + f % 10);
        f /= 10;
    }
    frac[9] = '\0';
    out += '.';
    out.append(frac, 9);
}

/// Append an address in dotted-quad notation.
inline void
PutAddress(std::string& out, Ipv4Address a)
{
    uint32_t v = a.Get();
    for (int shift = 24; shift >= 0; shift -= 8)
    {
        PutInt(out, (v >> shift) & 0xff);
        if (shift > 0)
        {
            out += '.';
        }
    }
}

/// Append a value or nothing (missing).
inline void
PutOpt(std::string& out, const std::optional<Time>& v)
{
    if (v)
    {
        PutTime(out, *v);
    }
}

/// Append a value or nothing (missing).
template <typename T>
inline void
PutOpt(std::string& out, const std::optional<T>& v)
{
    if (v)
    {
        PutInt(out, static_cast<uint64_t>(*v));
    }
}

} // namespace lifecycle_metrics_format
} // namespace ns3

#endif /* LIFECYCLE_TCP_METRICS_FORMAT_H */
