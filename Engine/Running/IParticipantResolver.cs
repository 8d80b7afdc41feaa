namespace Tau2Observe.Engine.Running;

/// <summary>
/// Turns a <see cref="ParticipantSelection"/> into the factory of a simulation's participants.
/// Throws <see cref="ArgumentException"/> for a selection it cannot serve.
/// </summary>
public interface IParticipantResolver
{
    IParticipantFactory Resolve(ParticipantSelection selection);
}
