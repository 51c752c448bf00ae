/*
 * tcp-lifecycle: a SYN flood (RFC 4987), as an ns-3 application.
 *
 * The attacker sends TCP SYNs from spoofed source addresses at a set rate and
 * never completes a handshake. Each SYN makes a listener fork a connection in
 * SYN_RCVD and send a SYN,ACK to an address nobody owns; the SYN,ACK is lost
 * (no route, or no host), so the connection sits in SYN_RCVD until the
 * listener's ConnCount SYN,ACK transmissions run out. A listener with a SYN
 * backlog (LifecycleTcpSocket's SynBacklog) fills it and drops every further
 * SYN, a legitimate client's included; one without (SynBacklog 0, ns-3's
 * native TCP) keeps forking.
 */
#ifndef LIFECYCLE_TCP_SYN_FLOOD_H
#define LIFECYCLE_TCP_SYN_FLOOD_H

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/random-variable-stream.h"
#include "ns3/sequence-number.h"
#include "ns3/traced-callback.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup tcp-lifecycle
 * \brief Sends TCP SYNs from spoofed addresses to one listener: a SYN flood.
 *
 * Each SYN comes from an address drawn uniformly from SpoofedNetwork /
 * SpoofedMask (its network and broadcast addresses left out when the mask
 * leaves room), from a port drawn uniformly from 1024-65535, with a random
 * ISN, and carries an MSS option (MssOption, 0 for none). SYNs go at Rate per
 * second, evenly spaced from the application's start, or as a Poisson process
 * (exponential gaps of mean 1/Rate, the first one gap after the start) with
 * Poisson = true; MaxSyns ends the flood early (0: until StopTime).
 *
 * The SYNs bypass the node's TCP: the application builds each TcpHeader, sets
 * its checksum over the spoofed pseudo-header when Node::ChecksumEnabled(),
 * looks up the route to Remote and hands the segment to the node's IPv4
 * (Ipv4::Send) with the spoofed source, as a raw socket would. The node needs
 * an IPv4 stack only, of either TCP.
 *
 * Replies: the victim's SYN,ACKs are addressed to the spoofed sources, which
 * nobody owns. Unless the simulation gives them a route and a host, they are
 * lost on the way (no route at the victim or at a router) and nothing answers
 * them, not even with a RST, so the victim's children stay in SYN_RCVD until
 * their ConnCount SYN,ACK retries run out (with ns-3's defaults, ConnCount
 * 6 and ConnTimeout 3 s doubling, over two minutes). The application never
 * receives anything.
 *
 * Trace source Syn: each SYN sent, with its spoofed source address, source
 * port and ISN. Random draws come from two RandomVariableStreams
 * (AssignStreams).
 */
class LifecycleTcpSynFloodApplication : public Application
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();

    LifecycleTcpSynFloodApplication();
    ~LifecycleTcpSynFloodApplication() override;

    /**
     * \brief Assign fixed random streams (addresses, ports and ISNs; gaps).
     * \param stream first stream index
     * \return number of streams used (2)
     */
    int64_t AssignStreams(int64_t stream);

    /// \return SYNs sent so far
    uint64_t GetSent() const;

    /// TracedCallback signature of the Syn trace source.
    typedef void (*SynTracedCallback)(Ipv4Address source,
                                      uint16_t sourcePort,
                                      SequenceNumber32 isn);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /// \brief Send one SYN and schedule the next.
    void SendSyn();
    /// \brief Schedule the next SYN one gap from now (unless MaxSyns is reached).
    void ScheduleNext();
    /// \return a spoofed source address from SpoofedNetwork / SpoofedMask
    Ipv4Address DrawSource();

    Address m_remote;                      //!< Remote: the victim's address and port
    double m_rate{100};                    //!< Rate: SYNs per second
    bool m_poisson{false};                 //!< Poisson: exponential gaps
    Ipv4Address m_spoofedNetwork;          //!< SpoofedNetwork
    Ipv4Mask m_spoofedMask;                //!< SpoofedMask
    uint32_t m_maxSyns{0};                 //!< MaxSyns (0: no limit)
    uint16_t m_mss{1460};                  //!< MssOption (0: none)
    Ptr<UniformRandomVariable> m_uniform;  //!< addresses, ports, ISNs
    Ptr<ExponentialRandomVariable> m_gaps; //!< Poisson gaps
    EventId m_next;                        //!< the next SYN
    uint64_t m_sent{0};                    //!< SYNs sent
    TracedCallback<Ipv4Address, uint16_t, SequenceNumber32> m_synTrace; //!< Syn
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_SYN_FLOOD_H */
