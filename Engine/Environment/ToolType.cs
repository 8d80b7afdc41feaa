namespace Tau2Observe.Engine.Environment;

/// <summary>tau2's tool types; metadata only (they do not change execution or replay).</summary>
public enum ToolType { Read, Write, Think, Generic }
