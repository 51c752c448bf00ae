/*
 * tcp-lifecycle: one connection timer behind Start/Stop.
 *
 * TCP restarts some timers on nearly every segment (the retransmission timer
 * on each new ACK, RFC 6298 (5.3)). Cancelling and scheduling an ns-3 event
 * each time costs an allocation and a scheduler insertion per packet, so the
 * timer keeps one scheduled event and a deadline: moving the deadline later
 * leaves the event in place, and when it fires early it re-arms itself for the
 * rest. Only moving the deadline earlier reschedules.
 */
#ifndef LIFECYCLE_TCP_TIMER_H
#define LIFECYCLE_TCP_TIMER_H

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"

namespace ns3
{

/**
 * \ingroup tcp-lifecycle
 * \brief A restartable one-shot timer with lazy rescheduling.
 */
class LifecycleTcpTimer
{
  public:
    LifecycleTcpTimer() = default;
    ~LifecycleTcpTimer();
    LifecycleTcpTimer(const LifecycleTcpTimer&) = delete;
    LifecycleTcpTimer& operator=(const LifecycleTcpTimer&) = delete;

    /**
     * \brief Set what runs when the timer expires.
     * \param expire the callback
     */
    void SetFunction(Callback<void> expire);

    /**
     * \brief Set what runs when the timer expires: \p Method of \p owner.
     *
     * Unlike a Callback, this binding allocates nothing: a connection keeps
     * several timers, and idle connections should cost little memory.
     */
    template <typename T, void (T::*Method)()>
    void SetMethod(T* owner)
    {
        m_owner = owner;
        m_method = &Invoke<T, Method>;
    }

    /**
     * \brief Arm (or re-arm) the timer to expire \p delay from now.
     * \param delay time until expiry; must not be negative
     */
    void Start(Time delay);

    /// \brief Disarm the timer; a pending event becomes a no-op (cheap, for restarts).
    void Stop();

    /// \brief Disarm the timer and remove its event from the scheduler (for
    /// good: the connection is gone, nothing should keep the clock running).
    void Cancel();

    /// \return true when armed
    bool IsRunning() const
    {
        return m_running;
    }

    /// \return the time left until expiry (zero when not running)
    Time GetDelayLeft() const;

  private:
    /// Runs at the scheduled event: expire, or re-arm for the rest of the deadline.
    void Fire();

    /// Calls Method on the owner.
    template <typename T, void (T::*Method)()>
    static void Invoke(void* owner)
    {
        (static_cast<T*>(owner)->*Method)();
    }

    Callback<void> m_expire;          //!< what runs at expiry (SetFunction)
    void (*m_method)(void*){nullptr}; //!< or this, on m_owner (SetMethod)
    void* m_owner{nullptr};           //!< the object SetMethod bound
    EventId m_event;                  //!< the single scheduled event, possibly before m_deadline
    Time m_deadline;                  //!< absolute expiry time while running
    bool m_running{false};            //!< armed?
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_TIMER_H */
