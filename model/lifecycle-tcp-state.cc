/*
 * tcp-lifecycle: names of states, causes, retransmission kinds, drop reasons.
 */
#include "lifecycle-tcp-state.h"

#include "lifecycle-tcp-stats.h"

#include "ns3/tcp-header.h"

namespace ns3
{

std::string
LifecycleTcpStates::Name(LifecycleTcpState s)
{
    if (s >= TcpSocket::LAST_STATE)
    {
        return "INVALID";
    }
    return TcpSocket::TcpStateName[s];
}

LifecycleTcpCause
LifecycleTcpCause::Segment(uint8_t flags)
{
    return LifecycleTcpCause{SEGMENT, flags};
}

LifecycleTcpCause
LifecycleTcpCause::FromTimer(Timer t)
{
    return LifecycleTcpCause{TIMER, static_cast<uint8_t>(t)};
}

LifecycleTcpCause
LifecycleTcpCause::FromApp(App a)
{
    return LifecycleTcpCause{APP, static_cast<uint8_t>(a)};
}

LifecycleTcpCause
LifecycleTcpCause::NodeCrash()
{
    return LifecycleTcpCause{NODE, 0};
}

std::string
LifecycleTcpCause::ToString() const
{
    switch (kind)
    {
        case SEGMENT:
            return "rcv " + TcpHeader::FlagsToString(code);
        case TIMER:
            switch (code)
            {
                case TIMER_RETRANSMISSION:
                    return "timer RTO";
                case TIMER_TIME_WAIT:
                    return "timer 2MSL";
                default:
                    return "timer USER";
            }
        case APP:
            switch (code)
            {
                case APP_CONNECT:
                    return "app Connect";
                case APP_LISTEN:
                    return "app Listen";
                case APP_CLOSE:
                    return "app Close";
                case APP_SHUTDOWN_SEND:
                    return "app ShutdownSend";
                default:
                    return "app Abort";
            }
        case NODE:
            return "node crash";
    }
    return "unknown";
}

std::string
LifecycleTcpRetxKindName(LifecycleTcpRetxKind k)
{
    switch (k)
    {
        case LifecycleTcpRetxKind::SYN:
            return "SYN";
        case LifecycleTcpRetxKind::SYN_ACK:
            return "SYN_ACK";
        case LifecycleTcpRetxKind::FIN:
            return "FIN";
        case LifecycleTcpRetxKind::DATA_RTO:
            return "DATA_RTO";
        case LifecycleTcpRetxKind::DATA_FAST:
            return "DATA_FAST";
        case LifecycleTcpRetxKind::WINDOW_PROBE:
            return "WINDOW_PROBE";
    }
    return "UNKNOWN";
}

std::string
LifecycleTcpDropReasonName(LifecycleTcpDropReason r)
{
    switch (r)
    {
        case LifecycleTcpDropReason::BAD_CHECKSUM:
            return "bad_checksum";
        case LifecycleTcpDropReason::OUT_OF_WINDOW:
            return "out_of_window";
        case LifecycleTcpDropReason::MALFORMED:
            return "malformed";
        case LifecycleTcpDropReason::NO_CONNECTION:
            return "no_connection";
        case LifecycleTcpDropReason::INVALID:
            return "invalid";
        case LifecycleTcpDropReason::BACKLOG_FULL:
            return "backlog_full";
    }
    return "unknown";
}

std::string
LifecycleTcpEndName(LifecycleTcpEnd e)
{
    switch (e)
    {
        case LifecycleTcpEnd::OPEN:
            return "open";
        case LifecycleTcpEnd::CLOSED_NORMALLY:
            return "closed";
        case LifecycleTcpEnd::RESET_BY_PEER:
            return "reset_by_peer";
        case LifecycleTcpEnd::RESET_BY_US:
            return "reset_by_us";
        case LifecycleTcpEnd::TIMED_OUT:
            return "timed_out";
        case LifecycleTcpEnd::ABORTED:
            return "aborted";
        case LifecycleTcpEnd::REFUSED:
            return "refused";
    }
    return "unknown";
}

} // namespace ns3
