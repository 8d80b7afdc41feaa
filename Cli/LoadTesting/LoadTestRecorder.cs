namespace Tau2Observe.Cli.LoadTesting;

/// <summary>What the load test has seen so far; safe to update from many followers at once.</summary>
public sealed class LoadTestRecorder
{
    private const int KeptErrorTexts = 5;
    private readonly object _gate = new();
    private readonly List<SimulationSample> _finished = [];
    private readonly Dictionary<string, int> _errorTexts = new(StringComparer.Ordinal);
    private int _inFlight, _started, _peakInFlight, _startFailures, _evaluationFailures, _lost;

    public int InFlight { get { lock (_gate) return _inFlight; } }
    public int Completed { get { lock (_gate) return _finished.Count; } }

    public void Started(int simulations)
    {
        lock (_gate)
        {
            _started += simulations;
            _inFlight += simulations;
            _peakInFlight = Math.Max(_peakInFlight, _inFlight);
        }
    }

    public void Finished(SimulationSample sample)
    {
        lock (_gate)
        {
            _inFlight--;
            _finished.Add(sample);
            if (sample.Error is { } error) CountError(error);
        }
    }

    /// <summary>Simulations that will not be seen finishing (cancelled at the end, or their evaluation was lost).</summary>
    public void Lost(int simulations)
    {
        lock (_gate)
        {
            _inFlight -= simulations;
            _lost += simulations;
        }
    }

    public void StartFailed(string error)
    {
        lock (_gate)
        {
            _startFailures++;
            CountError(error);
        }
    }

    /// <summary>An evaluation that started but could not be followed to its end (a broken stream, a failed evaluation).</summary>
    public void EvaluationFailed(string error)
    {
        lock (_gate)
        {
            _evaluationFailures++;
            CountError(error);
        }
    }

    public LoadTestTotals Totals()
    {
        lock (_gate)
            return new LoadTestTotals(_started, _peakInFlight, _startFailures, _evaluationFailures, _lost, [.. _finished],
                _errorTexts.OrderByDescending(e => e.Value).Take(KeptErrorTexts).ToDictionary());
    }

    private void CountError(string error)
    {
        if (_errorTexts.Count < 100 || _errorTexts.ContainsKey(error))
            _errorTexts[error] = _errorTexts.GetValueOrDefault(error) + 1;
    }
}
