WITH [t15] AS (
  SELECT
    [t14].[district],
    [t14].[family_id],
    [t14].[start_date],
    [t14].[end_date],
    IIF(
      (
        (
          (
            CAST(DATEPART(year, [t14].[start_date]) AS BIGINT) * 12
          ) + CAST(DATEPART(month, [t14].[start_date]) AS BIGINT)
        ) - 1
      ) < 24234,
      24234,
      (
        (
          CAST(DATEPART(year, [t14].[start_date]) AS BIGINT) * 12
        ) + CAST(DATEPART(month, [t14].[start_date]) AS BIGINT)
      ) - 1
    ) AS [lo],
    IIF(
      COALESCE(
        (
          (
            (
              CAST(DATEPART(year, [t14].[end_date]) AS BIGINT) * 12
            ) + CAST(DATEPART(month, [t14].[end_date]) AS BIGINT)
          ) - 1
        ) - 1,
        24245
      ) > 24245,
      24245,
      COALESCE(
        (
          (
            (
              CAST(DATEPART(year, [t14].[end_date]) AS BIGINT) * 12
            ) + CAST(DATEPART(month, [t14].[end_date]) AS BIGINT)
          ) - 1
        ) - 1,
        24245
      )
    ) AS [hi]
  FROM (
    SELECT
      [t11].[district],
      [t4].[family_id],
      [t4].[start_date],
      [t4].[end_date]
    FROM [eh_episodes] AS [t4]
    LEFT OUTER JOIN (
      SELECT
        [t2].[team_id],
        [t2].[district],
        [t2].[kind] AS [team_kind]
      FROM [teams] AS [t2]
    ) AS [t11]
      ON [t4].[team_id] = [t11].[team_id]
  ) AS [t14]
), [t21] AS (
  SELECT
    [t20].[area],
    [t20].[hi],
    IIF(
      (
        [t20].[reach] IS NULL
      ) OR (
        [t20].[lo] > [t20].[reach]
      ),
      [t20].[lo],
      [t20].[reach] + 1
    ) AS [lo]
  FROM (
    SELECT
      [t19].[district],
      [t19].[family_id],
      [t19].[start_date],
      [t19].[end_date],
      [t19].[lo],
      [t19].[hi],
      [t19].[area],
      MAX([t19].[hi]) OVER (
        PARTITION BY [t19].[area], [t19].[family_id]
        ORDER BY CASE WHEN [t19].[lo] IS NULL THEN 1 ELSE 0 END, [t19].[lo] ASC, CASE WHEN [t19].[hi] IS NULL THEN 1 ELSE 0 END, [t19].[hi] ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 preceding
      ) AS [reach]
    FROM (
      SELECT
        *
      FROM (
        SELECT
          [t16].[district],
          [t16].[family_id],
          [t16].[start_date],
          [t16].[end_date],
          [t16].[lo],
          [t16].[hi],
          '' AS [area]
        FROM [t15] AS [t16]
        WHERE
          [t16].[lo] <= [t16].[hi]
      ) AS [t17]
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          [t16].[district],
          [t16].[family_id],
          [t16].[start_date],
          [t16].[end_date],
          [t16].[lo],
          [t16].[hi],
          [t16].[district] AS [area]
        FROM [t15] AS [t16]
        WHERE
          [t16].[lo] <= [t16].[hi] AND [t16].[district] IS NOT NULL
      ) AS [t18]
    ) AS [t19]
  ) AS [t20]
)
SELECT
  [t30].[month],
  [t30].[area],
  [t30].[value],
  [t30].[numerator],
  [t30].[denominator]
FROM (
  SELECT
    [t8].[month],
    [t13].[area],
    COALESCE(CAST([t29].[numerator] AS FLOAT), 0.0) AS [value],
    COALESCE(CAST([t29].[numerator] AS FLOAT), 0.0) AS [numerator],
    CAST(NULL AS FLOAT) AS [denominator]
  FROM (
    SELECT
      [t0].[month]
    FROM [memtable_1] AS [t0]
  ) AS [t8]
  CROSS JOIN (
    SELECT
      *
    FROM [memtable_2] AS [t1]
    UNION ALL
    SELECT
      *
    FROM (
      SELECT DISTINCT
        [t2].[district] AS [area]
      FROM [teams] AS [t2]
      WHERE
        [t2].[district] IS NOT NULL
    ) AS [t10]
  ) AS [t13]
  LEFT OUTER JOIN (
    SELECT
      [t9].[month],
      [t13].[area],
      SUM(COALESCE([t27].[numerator], 0)) OVER (
        PARTITION BY [t13].[area]
        ORDER BY CASE WHEN [t9].[month_index] IS NULL THEN 1 ELSE 0 END, [t9].[month_index] ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      ) AS [numerator]
    FROM (
      SELECT
        [t0].[month],
        [t0].[month_index]
      FROM [memtable_1] AS [t0]
    ) AS [t9]
    CROSS JOIN (
      SELECT
        *
      FROM [memtable_2] AS [t1]
      UNION ALL
      SELECT
        *
      FROM (
        SELECT DISTINCT
          [t2].[district] AS [area]
        FROM [teams] AS [t2]
        WHERE
          [t2].[district] IS NOT NULL
      ) AS [t10]
    ) AS [t13]
    LEFT OUTER JOIN (
      SELECT
        [t25].[area],
        [t25].[month_index],
        COALESCE(SUM(IIF([t25].[column] = 'numerator', [t25].[change], NULL)), 0) AS [numerator]
      FROM (
        SELECT
          *
        FROM (
          SELECT
            [t22].[area],
            'numerator' AS [column],
            [t22].[lo] AS [month_index],
            1 AS [change]
          FROM [t21] AS [t22]
          WHERE
            [t22].[lo] <= [t22].[hi]
        ) AS [t23]
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            [t22].[area],
            'numerator' AS [column],
            [t22].[hi] + 1 AS [month_index],
            -1 AS [change]
          FROM [t21] AS [t22]
          WHERE
            [t22].[lo] <= [t22].[hi]
        ) AS [t24]
      ) AS [t25]
      GROUP BY
        [t25].[area],
        [t25].[month_index]
    ) AS [t27]
      ON [t13].[area] = [t27].[area] AND [t9].[month_index] = [t27].[month_index]
  ) AS [t29]
    ON [t8].[month] = [t29].[month] AND [t13].[area] = [t29].[area]
) AS [t30]
ORDER BY
  CASE WHEN [t30].[month] IS NULL THEN 1 ELSE 0 END, [t30].[month] ASC,
  CASE WHEN [t30].[area] IS NULL THEN 1 ELSE 0 END, [t30].[area] ASC
