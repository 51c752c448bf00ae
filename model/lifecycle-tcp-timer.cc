/*
 * tcp-lifecycle: a restartable timer with lazy rescheduling.
 */
#include "lifecycle-tcp-timer.h"

#include "ns3/assert.h"
#include "ns3/simulator.h"

namespace ns3
{

LifecycleTcpTimer::~LifecycleTcpTimer()
{
    // Simulator::Cancel is a no-op once the simulator has been destroyed.
    m_event.Cancel();
}

void
LifecycleTcpTimer::SetFunction(Callback<void> expire)
{
    m_expire = expire;
}

void
LifecycleTcpTimer::Start(Time delay)
{
    NS_ASSERT_MSG(!delay.IsStrictlyNegative(), "timer delay must not be negative");
    m_deadline = Simulator::Now() + delay;
    m_running = true;
    if (m_event.IsRunning())
    {
        if (static_cast<int64_t>(m_event.GetTs()) <= m_deadline.GetTimeStep())
        {
            return; // fires early, then re-arms for the remainder
        }
        m_event.Cancel();
    }
    m_event = Simulator::Schedule(delay, &LifecycleTcpTimer::Fire, this);
}

void
LifecycleTcpTimer::Stop()
{
    m_running = false;
}

Time
LifecycleTcpTimer::GetDelayLeft() const
{
    if (!m_running)
    {
        return Time(0);
    }
    return m_deadline - Simulator::Now();
}

void
LifecycleTcpTimer::Fire()
{
    m_event = EventId();
    if (!m_running)
    {
        return;
    }
    Time now = Simulator::Now();
    if (now < m_deadline)
    {
        m_event = Simulator::Schedule(m_deadline - now, &LifecycleTcpTimer::Fire, this);
        return;
    }
    m_running = false;
    m_expire();
}

} // namespace ns3
