/*
 * tcp-lifecycle runner: progress on stderr, and the cap on simulated time.
 *
 * Neither schedules an event: both look at the clock each time an IP packet
 * is sent on any node (Ipv4L3Protocol's Tx trace). A run stops by itself
 * when nothing is left to happen; a run that keeps sending past the cap is
 * stopped there. Progress goes to stderr only, never into the results.
 */
#ifndef TCP_LIFECYCLE_SCENARIO_PROGRESS_H
#define TCP_LIFECYCLE_SCENARIO_PROGRESS_H

#include "ns3/nstime.h"

#include <chrono>
#include <cstdint>
#include <ostream>

namespace tcplc
{

/// Shows how far a run is, and stops it at the cap.
class Progress
{
  public:
    /**
     * \param err where progress goes
     * \param show whether to show it at all
     * \param terminal rewrite one line (a terminal) rather than print lines
     * \param total the run's length when known (zero otherwise)
     * \param cap stop a run that is still sending after this simulated time
     */
    Progress(std::ostream& err, bool show, bool terminal, ns3::Time total, ns3::Time cap);

    /// \brief Hook every node's Ipv4L3Protocol Tx trace.
    void Attach();
    /// \brief The run ended: finish the line.
    void Finish();
    /// \return true when the run was stopped at the cap
    bool Capped() const;

  private:
    /// \brief A packet was sent somewhere.
    void OnActivity();
    /// \brief Print the line.
    void Show();

    std::ostream& m_err;
    bool m_show;
    bool m_terminal;
    ns3::Time m_total;
    ns3::Time m_cap;
    bool m_capped{false};
    uint32_t m_calls{0};
    bool m_shown{false};
    std::chrono::steady_clock::time_point m_begin;
    std::chrono::steady_clock::time_point m_last;
    uint64_t m_lastEvents{0};
};

} // namespace tcplc

#endif /* TCP_LIFECYCLE_SCENARIO_PROGRESS_H */
