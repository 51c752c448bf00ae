/*
 * tcp-lifecycle runner: progress on stderr, and the cap on simulated time.
 */
#include "scenario-progress.h"

#include "ns3/config.h"
#include "ns3/ipv4.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

#include <cstdio>

namespace tcplc
{

using namespace ns3;

Progress::Progress(std::ostream& err, bool show, bool terminal, Time total, Time cap)
    : m_err(err)
    , m_show(show)
    , m_terminal(terminal)
    , m_total(total)
    , m_cap(cap)
    , m_begin(std::chrono::steady_clock::now())
    , m_last(m_begin)
{
}

void
Progress::Attach()
{
    Config::ConnectWithoutContext("/NodeList/*/$ns3::Ipv4L3Protocol/Tx",
                                  Callback<void, Ptr<const Packet>, Ptr<Ipv4>, uint32_t>(
                                      [this](Ptr<const Packet>, Ptr<Ipv4>, uint32_t)
                                      { OnActivity(); }));
}

bool
Progress::Capped() const
{
    return m_capped;
}

void
Progress::OnActivity()
{
    if (!m_capped && Simulator::Now() > m_cap)
    {
        m_capped = true;
        Simulator::Stop(); // after this event
    }
    if (!m_show || (++m_calls & 0xff) != 0)
    {
        return;
    }
    auto now = std::chrono::steady_clock::now();
    if (now - m_last >= std::chrono::milliseconds(500))
    {
        Show();
    }
}

void
Progress::Show()
{
    auto now = std::chrono::steady_clock::now();
    double wall = std::chrono::duration<double>(now - m_begin).count();
    double since = std::chrono::duration<double>(now - m_last).count();
    uint64_t events = Simulator::GetEventCount();
    double rate = since > 0 ? (events - m_lastEvents) / since : 0;
    m_last = now;
    m_lastEvents = events;
    char line[160];
    double simulated = Simulator::Now().GetSeconds();
    if (m_total.IsStrictlyPositive())
    {
        std::snprintf(line,
                      sizeof(line),
                      "simulated %.1f s of %.1f s (%3.0f %%), wall %.1f s, %.2f M events/s",
                      simulated,
                      m_total.GetSeconds(),
                      100 * simulated / m_total.GetSeconds(),
                      wall,
                      rate / 1e6);
    }
    else
    {
        std::snprintf(line,
                      sizeof(line),
                      "simulated %.1f s (until nothing is left to happen), wall %.1f s, "
                      "%.2f M events/s",
                      simulated,
                      wall,
                      rate / 1e6);
    }
    m_err << (m_terminal ? "\r" : "") << "tcp-lifecycle: " << line << (m_terminal ? "\033[K" : "\n")
          << std::flush;
    m_shown = true;
}

void
Progress::Finish()
{
    if (m_show && !m_terminal)
    {
        Show(); // the last word, also for a run too short for any other
        return;
    }
    if (m_shown && m_terminal)
    {
        m_err << "\r\033[K" << std::flush;
    }
}

} // namespace tcplc
