/*
 * tcp-lifecycle runner: an emulation -- a real host's TCP talks, through a
 * tap device, to a simulated node running this model (or ns-3's native TCP).
 *
 *   emulate = server   the node serves emulate.service on port; the host's
 *                      clients (a Python socket client, nc, curl) connect
 *   emulate = client   the node's client connects to port on the host
 *                      (a Python socket server, nc -l), emulate.connections
 *                      times, one after another, from start
 *
 *   host 10.77.0.1 ==tap== ghost --CSMA-- router ==link== node 10.77.1.2
 *
 * LifecycleTcpEmulationHelper builds the network (the link has the link.*
 * options: rate, delay, queue, loss "forward" towards whichever end is the
 * server, reordering, duplication, an outage) and creates the tap in the
 * namespace the program runs in; ns-3 runs with its real-time scheduler and
 * checksums. The node's TCP has the tcp.* options. When the tap is up the
 * program prints a line starting "tcp-lifecycle: emulation ready" (and
 * writes the ready file of TCPLC_READY_FILE, which scripts/netns-run waits
 * for).
 *
 * The run ends once the connections are done (one second and two link
 * delays later, so that the last segments reach the host), at duration
 * (max-duration when duration is 0), or on SIGINT or SIGTERM; in every case
 * the metrics of the node's connections and, with pcap, the capture of the
 * tap (pcap/<name>-tap.pcap) and of the link are written.
 */
#ifndef TCP_LIFECYCLE_SCENARIO_EMULATION_H
#define TCP_LIFECYCLE_SCENARIO_EMULATION_H

#include "scenario-options.h"

#include <ostream>

namespace tcplc
{

/**
 * \brief Run the emulation \p o. The caller has checked the environment
 * (LifecycleTcpEmulationEnvironment::Check) before.
 * \param o the options (o.emulate is server or client)
 * \param out where the ready line, each connection and the closing report go
 * \param err where progress and errors go
 * \param terminal true when \p err is a terminal
 * \return the exit status: 0 success, 1 the results could not be written
 * \throw ScenarioError when the output folder cannot be used (exit status 2)
 */
int RunEmulation(const ScenarioOptions& o, std::ostream& out, std::ostream& err, bool terminal);

} // namespace tcplc

#endif /* TCP_LIFECYCLE_SCENARIO_EMULATION_H */
