SELECT
  [t9].[month],
  [t9].[area],
  [t9].[value],
  [t9].[numerator],
  [t9].[denominator]
FROM (
  SELECT
    [t5].[month],
    [t3].[area],
    COALESCE(CAST([t8].[numerator] AS FLOAT), 0.0) AS [value],
    COALESCE(CAST([t8].[numerator] AS FLOAT), 0.0) AS [numerator],
    CAST(NULL AS FLOAT) AS [denominator]
  FROM (
    SELECT
      [t0].[month]
    FROM [memtable_1] AS [t0]
  ) AS [t5]
  CROSS JOIN [memtable_2] AS [t3]
  LEFT OUTER JOIN (
    SELECT
      [t6].[month],
      [t6].[area],
      COUNT_BIG(*) AS [numerator]
    FROM (
      SELECT
        DATEFROMPARTS(DATEPART(year, [t2].[contact_date]), DATEPART(month, [t2].[contact_date]), 1) AS [month],
        '' AS [area]
      FROM [front_door_contacts] AS [t2]
    ) AS [t6]
    GROUP BY
      [t6].[month],
      [t6].[area]
  ) AS [t8]
    ON [t5].[month] = [t8].[month] AND [t3].[area] = [t8].[area]
) AS [t9]
ORDER BY
  CASE WHEN [t9].[month] IS NULL THEN 1 ELSE 0 END, [t9].[month] ASC,
  CASE WHEN [t9].[area] IS NULL THEN 1 ELSE 0 END, [t9].[area] ASC
