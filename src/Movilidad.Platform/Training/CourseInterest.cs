namespace Movilidad.Platform.Training;

/// <summary>
/// A signed-in person's "I am interested" in a course: one row per person and course (a second click changes nothing),
/// removed when they withdraw it. The provider's focal point, the person who recorded the course and the Secretariat
/// see who and how many; nobody else does.
/// </summary>
public class CourseInterest
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public int AccountId { get; set; }
    public DateTime At { get; set; }
}
