/*
 * tcp-lifecycle runner: one run of a scenario, from options to results.
 *
 * Sets ns-3 up (seed, run, TCP attributes of the chosen stack), builds the
 * network and the workload, schedules the scenario's events (link down,
 * crash and reboot, dropped segments, an old duplicate SYN), collects the
 * metrics into the output folder, and writes there the four metrics files,
 * scenario.ini (the effective options: running it again repeats the run)
 * and, with pcap, one capture per device under pcap/. Files appear only
 * complete: each is written under a temporary name and renamed.
 */
#ifndef TCP_LIFECYCLE_SCENARIO_RUN_H
#define TCP_LIFECYCLE_SCENARIO_RUN_H

#include "scenario-options.h"

#include <ostream>

namespace tcplc
{

/**
 * \brief Set ns-3 up for \p o: seed and run, checksums, and the TCP
 * attributes of the chosen stack.
 * \param o the options
 */
void ConfigureTcp(const ScenarioOptions& o);

/**
 * \brief Run the scenario \p o (an emulation when o.emulate says so).
 * \param o the options
 * \param out where the closing report goes
 * \param err where progress and errors go
 * \param terminal true when \p err is a terminal (progress rewrites a line)
 * \return the exit status: 0 success, 1 the results could not be written
 * \throw ScenarioError when the output folder cannot be used (exit status 2)
 */
int RunScenario(const ScenarioOptions& o, std::ostream& out, std::ostream& err, bool terminal);

} // namespace tcplc

#endif /* TCP_LIFECYCLE_SCENARIO_RUN_H */
