namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// The clock of a started app that goes from test to test (<see cref="StartedPortals"/>): it reads the clock of the
/// test holding the app (that test's FakeTimeProvider). Its timers, the background loops' PeriodicTimers among them,
/// are re-armed on each new test's clock when the app changes hands, so only that test's moves fire them, counted from
/// the moment it took the app, as they would be in an app started for it. The previous test's clock fires nothing here.
/// </summary>
internal sealed class HandedClock(TimeProvider first) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly HashSet<HandedTimer> _timers = [];
    private TimeProvider _current = first;

    private TimeProvider Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    /// <summary>From now on the app reads <paramref name="next"/>; every live timer starts its wait again on it.</summary>
    public void HandTo(TimeProvider next)
    {
        HandedTimer[] timers;
        lock (_lock)
        {
            _current = next;
            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.Rearm(next);
        }
    }

    public override DateTimeOffset GetUtcNow() => Current.GetUtcNow();

    public override long GetTimestamp() => Current.GetTimestamp();

    public override long TimestampFrequency => Current.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Current.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            var timer = new HandedTimer(this, callback, state, dueTime, period, _current);
            _timers.Add(timer);
            return timer;
        }
    }

    private void Forget(HandedTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    /// <summary>A timer on whichever clock the app has now; a one-shot that fired is not armed again.</summary>
    private sealed class HandedTimer : ITimer
    {
        private readonly Lock _lock = new();
        private readonly HandedClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private TimeSpan _dueTime;
        private TimeSpan _period;
        private bool _fired;
        private bool _disposed;
        private ITimer _inner;

        public HandedTimer(HandedClock clock, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period, TimeProvider on)
        {
            (_clock, _callback, _state, _dueTime, _period) = (clock, callback, state, dueTime, period);
            _inner = on.CreateTimer(Fire, null, dueTime, period);
        }

        private bool Periodic => _period != Timeout.InfiniteTimeSpan && _period != TimeSpan.Zero;

        public void Rearm(TimeProvider on)
        {
            ITimer old;
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                old = _inner;
                // A periodic timer waits a whole period from the hand-over; a one-shot still pending waits its whole delay.
                var due = Periodic ? _period : _fired ? Timeout.InfiniteTimeSpan : _dueTime;
                _inner = on.CreateTimer(Fire, null, due, _period);
            }

            old.Dispose();
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_lock)
            {
                (_dueTime, _period, _fired) = (dueTime, period, false);
                return !_disposed && _inner.Change(dueTime, period);
            }
        }

        public void Dispose()
        {
            ITimer inner;
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                inner = _inner;
            }

            _clock.Forget(this);
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void Fire(object? unused)
        {
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                _fired = true;
            }

            _callback(_state);
        }
    }
}
