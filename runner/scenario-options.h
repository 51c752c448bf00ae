/*
 * tcp-lifecycle runner: the options of a scenario.
 *
 * Every option has a name ("link.delay"), a default and a help line. Values
 * come from an INI-style scenario file (--config FILE: "[link]" then
 * "delay = 10ms", or "link.delay = 10ms" anywhere) and from the command line
 * ("--link.delay=10ms"), the command line winning. Boost.Program_options
 * parses the command line and prints --help; the file is read here, line by
 * line, so that an error can name its file and line. Every value is checked
 * and converted in one place (Resolve), and a bad one gives one line naming
 * the option, its origin, the value given and what is accepted.
 */
#ifndef TCP_LIFECYCLE_SCENARIO_OPTIONS_H
#define TCP_LIFECYCLE_SCENARIO_OPTIONS_H

#include "ns3/data-rate.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <map>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace tcplc
{

/// Bad input: the message is the one line to print (without the program name).
class ScenarioError : public std::runtime_error
{
  public:
    using std::runtime_error::runtime_error;
};

/// Which segments the error model of one direction drops: "kind#n" items.
struct DropRule
{
    std::string kind; //!< syn, synack, fin, ack, data, rst, any, or last-ack
    uint32_t first;   //!< first occurrence dropped (from 1)
    uint32_t count;   //!< how many in a row
};

/// Everything a run needs, checked and converted.
struct ScenarioOptions
{
    // ---- run ----
    std::string name{"default"}; //!< scenario name (titles, summary.json)
    std::string config;          //!< the scenario file, if any
    std::string out;             //!< output folder
    std::string stack{"custom"}; //!< custom (this model) or ns3
    uint32_t seed{1};            //!< RngSeedManager seed
    uint64_t run{1};             //!< RngSeedManager run
    ns3::Time duration;          //!< stop time; zero: when nothing is left to happen
    ns3::Time maxDuration;       //!< cap when duration is zero
    bool pcap{false};            //!< one pcap per device
    bool progress{false};        //!< progress on stderr even when not a terminal
    bool series{true};           //!< write series.csv
    bool segments{true};         //!< write segments.csv

    // ---- topology ----
    std::string topology{"p2p"}; //!< p2p or dumbbell
    ns3::DataRate rate;          //!< link (bottleneck) rate
    ns3::Time delay;             //!< link (bottleneck) one-way delay
    uint32_t queue{100};         //!< link (bottleneck) queue, packets
    double lossForward{0};       //!< loss client -> server
    double lossReverse{0};       //!< loss server -> client
    double reorder{0};           //!< probability a packet is held back
    ns3::Time reorderDelay;      //!< by how much
    double duplicate{0};         //!< probability a packet arrives twice
    ns3::Time duplicateDelay;    //!< the gap
    ns3::Time downAt;            //!< the link goes down then (zero: never)
    ns3::Time downFor;           //!< for this long
    uint32_t pairs{1};           //!< dumbbell: sender/receiver pairs
    ns3::DataRate accessRate;    //!< dumbbell: access links' rate
    ns3::Time accessDelay;       //!< dumbbell: access links' delay

    // ---- TCP ----
    ns3::Time msl;            //!< LifecycleTcpSocket::Msl
    uint32_t segmentSize{0};  //!< MSS offered
    uint32_t sndBuf{0};       //!< SndBufSize
    uint32_t rcvBuf{0};       //!< RcvBufSize
    uint32_t initialCwnd{0};  //!< InitialCwnd, segments
    uint32_t synBacklog{0};   //!< LifecycleTcpSocket::SynBacklog (this model only)
    bool timestamps{true};    //!< RFC 7323 timestamps
    bool windowScaling{true}; //!< RFC 7323 window scale
    ns3::Time minRto;         //!< MinRto
    uint32_t connCount{0};    //!< ConnCount: SYNs before giving up
    uint32_t dataRetries{0};  //!< DataRetries
    bool nagle{false};        //!< Nagle on (TcpNoDelay off)
    bool checksums{false};    //!< ChecksumEnabled

    // ---- workload ----
    std::string workload{"short"}; //!< what the clients do
    ns3::Time start;               //!< first connection
    std::string closer{"client"};  //!< who closes first: client, server or both
    ns3::Time closeDelay;          //!< the passive closer's delay after the first FIN
    uint16_t port{80};             //!< server port
    uint16_t clientPort{0};        //!< client's local port (0: ephemeral)
    uint64_t bulkBytes{0};         //!< bulk: bytes per flow
    uint32_t bulkFlows{1};         //!< bulk: flows per client
    uint32_t rrRequest{0};         //!< request-response: request bytes
    uint32_t rrResponse{0};        //!< request-response: response bytes
    uint32_t rrRequests{0};        //!< request-response: requests per connection
    ns3::Time rrThink;             //!< request-response: think time
    uint32_t rrConnections{1};     //!< request-response: connections per client
    uint32_t shortCount{0};        //!< short: connections per client
    ns3::Time shortInterval;       //!< short: fixed interval
    double shortRate{0};           //!< short: Poisson rate per second (0: fixed interval)
    uint32_t shortBytes{0};        //!< short: bytes each
    std::string echoMessage;       //!< echo: the client's line
    std::string echoReply;         //!< echo: the server's answer
    uint32_t holdCount{0};         //!< hold: connections per client
    uint32_t holdBytes{0};         //!< hold: bytes each sends first
    uint32_t halfCloseRequest{0};  //!< half-close: request bytes
    uint64_t halfCloseResponse{0}; //!< half-close: response bytes after the client's FIN
    double floodRate{0};           //!< syn-flood: SYNs per second
    ns3::Time floodStart;          //!< syn-flood: when the attack starts
    ns3::Time floodDuration;       //!< syn-flood: how long
    ns3::Ipv4Address floodNetwork; //!< syn-flood: spoofed sources
    ns3::Ipv4Mask floodMask;       //!< syn-flood: their mask

    // ---- events ----
    std::string crashNode{"none"};      //!< none, client or server
    ns3::Time crashAt;                  //!< when
    ns3::Time rebootAt;                 //!< reboot (zero: never)
    std::vector<DropRule> dropToServer; //!< segments lost on the way to the server
    std::vector<DropRule> dropToClient; //!< segments lost on the way to the client
    ns3::Time oldSynAt;                 //!< inject an old duplicate SYN then (zero: no)

    // ---- emulation ----
    std::string emulate{"none"};        //!< none, server or client: which end the host is not
    std::string emulateService{"echo"}; //!< echo, discard, bulk or http
    uint32_t emulateConnections{1};     //!< server: stop after so many; client: to open
    std::string emulateDevice{"tlc0"};  //!< the tap device's name
    ns3::Ipv4Address emulateNetwork;    //!< the first of the two /24 networks

    /// \return the effective configuration as a scenario file
    std::string ToIni() const;
    /// The value of each option as given or defaulted, by name (for ToIni).
    std::map<std::string, std::string> values;
};

/// What the command line asks for.
enum class ParseResult
{
    RUN,  //!< run the scenario
    HELP, //!< --help was printed
};

/**
 * \brief Parse the command line and the scenario file it names.
 * \param argc argument count
 * \param argv arguments
 * \param options filled when the result is RUN
 * \param help where --help goes
 * \return RUN or HELP
 * \throw ScenarioError on bad input
 */
ParseResult ParseScenario(int argc,
                          const char* const argv[],
                          ScenarioOptions& options,
                          std::ostream& help);

} // namespace tcplc

#endif /* TCP_LIFECYCLE_SCENARIO_OPTIONS_H */
