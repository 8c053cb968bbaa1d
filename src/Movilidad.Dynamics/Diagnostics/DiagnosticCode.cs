namespace Movilidad.Dynamics;

/// <summary>
/// What an engine message says, one code per message: stable across versions and languages (a page or a log may keep the code and its
/// arguments and say them later). Each member's summary is its English text; <see cref="DiagnosticTexts"/> holds the English and Spanish.
/// </summary>
public enum DiagnosticCode
{
    /// <summary>'{name}' changes during the run; only constants and initial values can be set</summary>
    ChangesDuringRun,

    /// <summary>there is no variable named '{name}'</summary>
    NoVariableNamed,

    /// <summary>the time step must be a positive number, not {step}</summary>
    TimeStepNotPositive,

    /// <summary>the final time ({final}) is before the initial time ({start})</summary>
    FinalBeforeInitial,

    /// <summary>the run needs {steps} steps, more than the limit of {limit}; raise the limit or the time step</summary>
    TooManySteps,

    /// <summary>the run would save too many values; raise the save step</summary>
    TooManySavedValues,

    /// <summary>the run was stopped at time {time} after {seconds:0.#} s, the wall-time limit</summary>
    WallTimeLimit,

    /// <summary>there is no lookup named '{name}' to override</summary>
    NoLookupNamedToOverride,

    /// <summary>the data variable has no data: give a data file (--data) holding '{name}'</summary>
    DataVariableWithoutData,

    /// <summary>there is no variable named '{name}' to set</summary>
    NoVariableNamedToSet,

    /// <summary>the model file does not exist</summary>
    ModelFileMissing,

    /// <summary>not a system-dynamics model: expected a Vensim model (.mdl, equations ending in '|') or an XMILE model (.xmile, .stmx, .itmx)</summary>
    NotAModel,

    /// <summary>the data file does not exist</summary>
    ReferenceFileMissing,

    /// <summary>the file is empty</summary>
    DataFileEmpty,

    /// <summary>a .dat file must start with a variable name</summary>
    DatFileWithoutName,

    /// <summary>the macro header has no closing parenthesis</summary>
    MacroHeaderUnclosed,

    /// <summary>the macro header has no parameter list</summary>
    MacroHeaderWithoutParameters,

    /// <summary>an equation must start with a variable name</summary>
    EquationWithoutName,

    /// <summary>unclosed '[' in the subscripts</summary>
    UnclosedSubscripts,

    /// <summary>unclosed '[' after :EXCEPT:</summary>
    UnclosedExcept,

    /// <summary>expected '=' after the name but found '{found}'</summary>
    ExpectedEquals,

    /// <summary>the equation is incomplete (A FUNCTION OF)</summary>
    EquationIncomplete,

    /// <summary>the mapping '{target}' must look like (Range: element, element)</summary>
    MappingMalformed,

    /// <summary>the subscript range ({range}) must be two numbered elements with the same prefix</summary>
    NumberedRangeMalformed,

    /// <summary>'{text}' is not NAME=LOW..HIGH (or NAME=LOW..HIGH@START), such as "rate=0.01..0.5"</summary>
    FitNotRange,

    /// <summary>'{value}' in '{text}' is not a number</summary>
    NumberInTextNotNumber,

    /// <summary>{name}: LOW ({low:R}) is greater than HIGH ({high:R})</summary>
    FitLowGreaterThanHigh,

    /// <summary>{name}: the start value {start:R} is outside the range {low:R}..{high:R}</summary>
    FitStartOutsideRange,

    /// <summary>no constant to fit: give at least one NAME=LOW..HIGH</summary>
    NoConstantToFit,

    /// <summary>no observed series to fit</summary>
    NoObservedSeries,

    /// <summary>the observed series of '{variable}' has {times} times and {values} values: it needs one value per time, and at least one</summary>
    ObservedTimesAndValuesDiffer,

    /// <summary>the observation of '{variable}' at time {time} is outside the run ({first} to {last})</summary>
    ObservationOutsideRun,

    /// <summary>the calibration made no run</summary>
    CalibrationMadeNoRun,

    /// <summary>{periods} periods: a forecast back-tested on {heldBack} held-back periods needs at least {needed}</summary>
    ForecastTooFewPeriods,

    /// <summary>the series has a value that is not a number</summary>
    ForecastValueNotNumber,

    /// <summary>'{text}' is not a distribution: write uniform(LOW,HIGH), normal(MEAN,SD), truncnormal(MEAN,SD,LOW,HIGH), triangular(LOW,MODE,HIGH) or discrete(V1,V2,...)</summary>
    NotADistribution,

    /// <summary>'{text}' has {count} numbers; {kind} takes {arity}</summary>
    DistributionArity,

    /// <summary>'{kind}' is not a known distribution: uniform, normal, truncnormal, triangular or discrete</summary>
    UnknownDistribution,

    /// <summary>{name}: LOW ({low}) is greater than HIGH ({high})</summary>
    DistributionLowGreaterThanHigh,

    /// <summary>{name}: the standard deviation is negative</summary>
    StandardDeviationNegative,

    /// <summary>{name}: the standard deviation must be positive</summary>
    StandardDeviationNotPositive,

    /// <summary>{name}: the mode ({mode}) is outside [LOW, HIGH]</summary>
    ModeOutsideRange,

    /// <summary>{name}: no values</summary>
    DiscreteWithoutValues,

    /// <summary>{file}, line {line}: '{value}' is not a number (a changes file sets constants to numbers and lookups to tables)</summary>
    ChangeNotNumber,

    /// <summary>{file}, line {line}: '{statement}' is not a change: write NAME = VALUE or NAME((x1,y1),(x2,y2),...)</summary>
    ChangeNotAChange,

    /// <summary>{file}, line {line}: a ')' without its '('</summary>
    ChangeUnopenedParenthesis,

    /// <summary>{file}, line {start}: a '(' is not closed</summary>
    ChangeUnclosedParenthesis,

    /// <summary>{file}, line {line}: '({point})' is not a point (x,y)</summary>
    ChangeNotAPoint,

    /// <summary>{file}, line {line}: the lookup's x values must increase ({x} after {previous})</summary>
    ChangeLookupNotIncreasing,

    /// <summary>{file}, line {line}: a lookup without points</summary>
    ChangeLookupWithoutPoints,

    /// <summary>{file}: the file is empty</summary>
    ObservedFileEmpty,

    /// <summary>{file}, line 1: expected a time column and at least one observed variable, separated by commas</summary>
    ObservedHeader,

    /// <summary>{file}, line {line}, column {column}: '{value}' is not a time</summary>
    ObservedNotATime,

    /// <summary>{file}, line {line}: the time {time} appears twice</summary>
    ObservedTimeTwice,

    /// <summary>{file}, line {line}, column {column}: '{cell}' is not a number</summary>
    ObservedNotANumber,

    /// <summary>{file}, line {line}, column {column}: a weight cannot be negative</summary>
    ObservedNegativeWeight,

    /// <summary>{file}: no observed value</summary>
    ObservedNoValue,

    /// <summary>'{text}' is not NAME=DISTRIBUTION(...), such as "rate=uniform(0.1,0.3)"</summary>
    VaryNotDistribution,

    /// <summary>{runs:N0} runs asked: a sensitivity set has from 1 to {limit:N0} runs</summary>
    SensitivityRunsOutOfRange,

    /// <summary>no constant to vary: give at least one NAME=DISTRIBUTION(...)</summary>
    NoConstantToVary,

    /// <summary>{runs:N0} runs × {rows:N0} saved times × {columns:N0} variables = {total:N0} values, above the limit of {limit:N0}: save fewer variables or times, or make fewer runs</summary>
    SensitivityTooManyValues,

    /// <summary>unknown dimension '{dimension}'</summary>
    UnknownDimension,

    /// <summary>the equations of this variable have different numbers of subscripts</summary>
    EquationsDifferInSubscripts,

    /// <summary>'{name}' is neither a subscript range nor an element of one</summary>
    NotRangeNorElement,

    /// <summary>no subscript range holds all of {names}</summary>
    NoRangeHoldsAll,

    /// <summary>element '{element}' of '{dimension}' is not in '{range}'</summary>
    ElementNotInRange,

    /// <summary>'{name}' is not an element of '{range}'</summary>
    NotElementOfRange,

    /// <summary>{function} needs an argument</summary>
    NeedsArgument,

    /// <summary>unknown function '{function}'</summary>
    UnknownFunction,

    /// <summary>DEPRECIATE STRAIGHTLINE needs a depreciation time and a fiscal period that are positive constants</summary>
    DepreciateArguments,

    /// <summary>the order of a DELAY N or SMOOTH N must be a constant of at least 1</summary>
    DelayOrderInvalid,

    /// <summary>the macro {function} takes {parameters} arguments but is given {given}</summary>
    MacroArity,

    /// <summary>the macro {function} does not define its output '{output}'</summary>
    MacroWithoutOutput,

    /// <summary>circular definition among {phase}: {cycle}</summary>
    CircularDefinition,

    /// <summary>the numerical action of VECTOR SELECT must be a whole number from 0 to 10</summary>
    VectorSelectActionInvalid,

    /// <summary>INVERT MATRIX needs a variable whose last two subscripts have the same size</summary>
    InvertMatrixNotSquare,

    /// <summary>VECTOR LOOKUP needs a subscripted variable whose last subscript runs over the lookup's points</summary>
    VectorLookupNeedsVector,

    /// <summary>'{name}' cannot be inverted here</summary>
    CannotInvertHere,

    /// <summary>the request and priority arrays of ALLOCATE BY PRIORITY have different sizes</summary>
    AllocateByPrioritySizes,

    /// <summary>ALLOCATE AVAILABLE needs a request subscripted by the allocation range last, and a priority profile subscripted by the same range and then the profile's first field</summary>
    AllocateAvailableShape,

    /// <summary>the priority profile '{profile}' needs four fields (ptype, ppriority, pwidth, pextra) from the one named</summary>
    PriorityProfileFields,

    /// <summary>ALLOCATE needs the name of the dimension along which it allocates as its second argument</summary>
    AllocateWithoutDimension,

    /// <summary>ALLOCATE along '{range}' must compute a variable subscripted by '{range}'</summary>
    AllocateAlongRange,

    /// <summary>{function} needs quantities subscripted by a range last, and priority profiles subscripted by the same range and then the profile's first field</summary>
    AllocationShape,

    /// <summary>{function} needs a priority profile subscripted by its first field (ptype) last</summary>
    PriorityProfileShape,

    /// <summary>the priority profile '{name}' needs four fields (ptype, ppriority, pwidth, pextra) from the one named</summary>
    PriorityProfileFieldsNamed,

    /// <summary>the fields of the priority profile '{name}' cannot be read here</summary>
    PriorityProfileUnreadable,

    /// <summary>the error action of VECTOR SELECT (its fifth argument) must be 0 (none), 1 (an error when nothing is selected), 2 (an error when more than one element is selected) or 3 (both)</summary>
    VectorSelectErrorActionInvalid,

    /// <summary>VECTOR SELECT over {count} combinations of elements is more than this engine unrolls ({limit})</summary>
    VectorSelectTooLarge,

    /// <summary>allocation functions need subscripted variables as their request and priority</summary>
    AllocationNeedsSubscripts,

    /// <summary>'{name}' cannot be used as an allocation vector here</summary>
    NotAnAllocationVector,

    /// <summary>vector functions need a subscripted variable as their vector</summary>
    VectorNeedsSubscripts,

    /// <summary>vector functions are limited to {limit} elements; '{name}' has {size}</summary>
    VectorTooLarge,

    /// <summary>the graphical function has no input equation</summary>
    GraphicalFunctionWithoutInput,

    /// <summary>a lookup cannot be given a list of numbers</summary>
    LookupGivenList,

    /// <summary>the list has {count} numbers but the subscripts need more</summary>
    ListTooShort,

    /// <summary>a lookup needs a table or a GET ... LOOKUPS call</summary>
    LookupWithoutTable,

    /// <summary>the variable has no equation</summary>
    NoEquation,

    /// <summary>INTEG takes 2 arguments (rate, initial value) but has {count}</summary>
    IntegArity,

    /// <summary>'{name}' is a lookup: call it with an input, as {name}(x)</summary>
    LookupWithoutInput,

    /// <summary>'{name}' may have one subscript computed from an expression, with the others given</summary>
    OneComputedSubscript,

    /// <summary>'{name}' cannot be indexed by an expression here</summary>
    CannotIndexHere,

    /// <summary>the module refers to a model '{model}' that the file does not define</summary>
    ModuleModelUndefined,

    /// <summary>unknown variable '{name}'</summary>
    UnknownVariable,

    /// <summary>'{name}' has no subscripts but is used with [{subscripts}]</summary>
    UnsubscriptedUsedWithSubscripts,

    /// <summary>'{name}' has {expected} subscripts but is used with {given}</summary>
    SubscriptCountMismatch,

    /// <summary>'{variable}[{name}!]' is only valid inside an array function such as SUM</summary>
    BangOutsideArrayFunction,

    /// <summary>dimension mismatch: '{variable}' is used with [{subscript}] but the equation does not range over it</summary>
    DimensionMismatch,

    /// <summary>'{name}' is not an element of '{range}' (in '{variable}')</summary>
    NotElementOfRangeIn,

    /// <summary>unexpected '{token}'</summary>
    UnexpectedToken,

    /// <summary>expected '{symbol}' but the equation ended</summary>
    ExpectedButEnded,

    /// <summary>expected '{symbol}' but found '{token}'</summary>
    ExpectedButFound,

    /// <summary>the equation ends where a value was expected</summary>
    EndedWhereValueExpected,

    /// <summary>expected {keyword}</summary>
    ExpectedKeyword,

    /// <summary>expected a subscript name</summary>
    ExpectedSubscriptName,

    /// <summary>unterminated lookup range</summary>
    UnterminatedLookupRange,

    /// <summary>expected a number but found '{token}'</summary>
    ExpectedNumberButFound,

    /// <summary>'{token}' is not a number</summary>
    TokenNotNumber,

    /// <summary>unterminated quoted name</summary>
    UnterminatedQuotedName,

    /// <summary>unterminated quoted text</summary>
    UnterminatedQuotedText,

    /// <summary>unexpected character '{character}'</summary>
    UnexpectedCharacter,

    /// <summary>a table can only be used inside WITH LOOKUP</summary>
    TableOutsideWithLookup,

    /// <summary>the text '{text}' can only be used as an argument of a GET function</summary>
    TextOutsideGet,

    /// <summary>unsupported expression</summary>
    UnsupportedExpression,

    /// <summary>unknown operator '{operator}'</summary>
    UnknownOperator,

    /// <summary>{function} takes {expected} arguments but is given {given}</summary>
    FunctionArity,

    /// <summary>the second argument of WITH LOOKUP must be a table such as ((0,0),(1,1))</summary>
    WithLookupWithoutTable,

    /// <summary>the first argument of {function} must be a lookup name</summary>
    FirstArgumentNotLookup,

    /// <summary>the first argument of GET DATA BETWEEN TIMES must be a data variable</summary>
    GetDataBetweenTimesArgument,

    /// <summary>unknown lookup '{name}'</summary>
    UnknownLookup,

    /// <summary>'{name}' is not a lookup</summary>
    NotLookup,

    /// <summary>the first argument of GET TIME VALUE must be the number 0 (the simulation time), 1 (the initial time) or 2 (the computer's clock)</summary>
    GetTimeValueRelativeInvalid,

    /// <summary>the third argument of GET TIME VALUE (the measure) must be a whole number from 0 (model time units) to 10</summary>
    GetTimeValueMeasureInvalid,

    /// <summary>GET TIME VALUE of the computer's clock (2) has no measure 0 (model time units): use a calendar measure from 1 to 10</summary>
    GetTimeValueClockWithoutMeasure,

    /// <summary>the file is not well-formed XML: {detail}</summary>
    XmlNotWellFormed,

    /// <summary>the file has no root element</summary>
    XmlWithoutRoot,

    /// <summary>the file has no &lt;model&gt; element</summary>
    XmileWithoutModel,

    /// <summary>a dimension has no name</summary>
    DimensionHasNoName,

    /// <summary>a macro has no name</summary>
    MacroHasNoName,

    /// <summary>a variable has no name</summary>
    VariableHasNoName,

    /// <summary>the module connects its output '{from}' to '{to}', which the model does not define</summary>
    ModuleOutputUndefined,

    /// <summary>the graphical function has {xs} x points and {ys} y points</summary>
    GraphicalFunctionPointsDiffer,

    /// <summary>the graphical function has no &lt;ypts&gt;</summary>
    GraphicalFunctionWithoutYpts,

    /// <summary>'{piece}' is not a number</summary>
    GraphicalPointNotNumber,

    /// <summary>{problem} in '{equation}'</summary>
    SyntaxInEquation,

    /// <summary>at time {time} VECTOR SELECT selected no element, and its error action ({action}) requires at least one</summary>
    VectorSelectSelectedNone,

    /// <summary>at time {time} VECTOR SELECT selected {count} elements, and its error action ({action}) allows at most one</summary>
    VectorSelectSelectedSeveral,

    /// <summary>at time {time} a priority profile has type {type}: the allocation functions compute types 0 (fixed quantity), 1 (rectangular), 2 (triangular), 3 (normal) and 4 (exponential), and ALLOCATE AVAILABLE each plus 10 for whole numbers; type 5 (constant elasticity) is not implemented, as Vensim's documentation does not give its formula</summary>
    PriorityTypeNotComputed,

    /// <summary>a subscript range must list its elements or call GET DIRECT SUBSCRIPT</summary>
    SubscriptRangeWithoutElements,

    /// <summary>{function} takes at least {min} arguments but is given {given}</summary>
    FunctionArityAtLeast,

    /// <summary>the arguments of {function} must be quoted text</summary>
    ArgumentsNotQuoted,

    /// <summary>'{reference}' is neither a cell reference such as B2 nor a name defined in the workbook</summary>
    NotACellReference,

    /// <summary>the data file tag '{file}' is not defined in the model's settings (Vensim: Model&gt;Settings&gt;XLS Files)</summary>
    DataFileTagUndefined,

    /// <summary>the data file '{file}' does not exist (looked in {directory})</summary>
    DataFileMissing,

    /// <summary>'{file}': only .xlsx, .xls, .csv and .tab data files can be read</summary>
    DataFileKindUnsupported,

    /// <summary>'{file}' has no workbook</summary>
    WorkbookMissing,

    /// <summary>'{file}' has no sheet named '{sheetName}'</summary>
    SheetMissing,

    /// <summary>'{file}' cannot be read as .xlsx: {detail}</summary>
    XlsxUnreadable,

    /// <summary>'{file}' cannot be read as .xls: {detail}</summary>
    XlsUnreadable,

    /// <summary>GET TIME VALUE measures 1 to 10 read the simulation time as a date, which needs the model's time unit to be year, quarter, month, week, day, hour, minute or second; the model's time unit is not given</summary>
    GetTimeValueWithoutTimeUnit,

    /// <summary>GET TIME VALUE measures 1 to 10 read the simulation time as a date, which needs the model's time unit to be year, quarter, month, week, day, hour, minute or second; the model's time unit is '{unit}'</summary>
    GetTimeValueTimeUnitNotCalendar,

    /// <summary>{file}:</summary>
    LocationFile,

    /// <summary>{file}:{line}:{column}:</summary>
    LocationFileLine,

    /// <summary>in {element}:</summary>
    LocationElement,

    /// <summary>in {element} (line {line}):</summary>
    LocationElementLine,

    /// <summary>variable '{variable}':</summary>
    LocationVariable,

    /// <summary>{text}</summary>
    Text,
}
