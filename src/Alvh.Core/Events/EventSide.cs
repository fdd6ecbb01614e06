namespace Alvh.Events;

/// <summary>Which side of a date an event-proximity query looks at.</summary>
public enum EventSide
{
    /// <summary>Events on the date or up to N trading days before it.</summary>
    Before,

    /// <summary>Events on the date or up to N trading days after it.</summary>
    After,

    /// <summary>Either side.</summary>
    Both,
}
