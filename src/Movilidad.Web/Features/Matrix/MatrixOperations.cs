using Movilidad.Platform.Auth;

namespace Movilidad.Web.Features.Matrix;

public static class MatrixOperations
{
    /// <summary>Upload an edited matrix at all (the Secretariat and focal points); each changed row then needs <c>EditCountryShare</c> on its country.</summary>
    public static readonly Operation Import = new("matrix.import");
}
