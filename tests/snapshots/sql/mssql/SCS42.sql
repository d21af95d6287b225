WITH [t15] AS (
  SELECT
    [t14].[snapshot_date],
    [t14].[worker_id],
    [t14].[team_id],
    [t14].[cases],
    [t14].[team_id_right],
    [t14].[district],
    [t14].[team_kind],
    DATEFROMPARTS(DATEPART(year, [t14].[snapshot_date]), DATEPART(month, [t14].[snapshot_date]), 1) AS [month]
  FROM (
    SELECT
      [t6].[snapshot_date],
      [t6].[worker_id],
      [t6].[team_id],
      [t6].[cases],
      [t11].[team_id] AS [team_id_right],
      [t11].[district],
      [t11].[team_kind]
    FROM [caseloads] AS [t6]
    LEFT OUTER JOIN (
      SELECT
        [t2].[team_id],
        [t2].[district],
        [t2].[kind] AS [team_kind]
      FROM [teams] AS [t2]
    ) AS [t11]
      ON [t6].[team_id] = [t11].[team_id]
  ) AS [t14]
)
SELECT
  [t28].[month],
  [t28].[area],
  [t28].[value],
  [t28].[numerator],
  [t28].[denominator]
FROM (
  SELECT
    [t9].[month],
    [t13].[area],
    CAST(COALESCE(CAST([t27].[numerator] AS FLOAT), 0.0) AS FLOAT) / NULLIF(COALESCE(CAST([t27].[denominator] AS FLOAT), 0.0), 0) AS [value],
    COALESCE(CAST([t27].[numerator] AS FLOAT), 0.0) AS [numerator],
    COALESCE(CAST([t27].[denominator] AS FLOAT), 0.0) AS [denominator]
  FROM (
    SELECT
      [t0].[month]
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
      [t25].[month],
      [t25].[area],
      SUM([t25].[numerator]) AS [numerator],
      SUM([t25].[denominator]) AS [denominator]
    FROM (
      SELECT
        [t24].[month],
        [t24].[district],
        [t24].[numerator],
        [t24].[denominator],
        [t24].[area]
      FROM (
        SELECT
          [t23].[month],
          [t23].[district],
          [t23].[numerator],
          [t23].[denominator],
          [t23].[spread_copy],
          IIF([t23].[spread_copy] = 0, '', [t23].[district]) AS [area]
        FROM (
          SELECT
            [t22].[month],
            [t22].[district],
            [t22].[numerator],
            [t22].[denominator],
            [t5].[spread_copy]
          FROM (
            SELECT
              [t20].[month],
              [t20].[district],
              [t20].[cases] AS [numerator],
              1 AS [denominator]
            FROM (
              SELECT
                [t17].[snapshot_date],
                [t17].[worker_id],
                [t17].[team_id],
                [t17].[cases],
                [t17].[team_id_right],
                [t17].[district],
                [t17].[team_kind],
                [t17].[month],
                [t19].[latest]
              FROM [t15] AS [t17]
              INNER JOIN (
                SELECT
                  [t16].[month],
                  MAX([t16].[snapshot_date]) AS [latest]
                FROM [t15] AS [t16]
                GROUP BY
                  [t16].[month]
              ) AS [t19]
                ON [t17].[month] = [t19].[month] AND [t17].[snapshot_date] = [t19].[latest]
            ) AS [t20]
            WHERE
              [t20].[team_kind] = 'cic' AND [t20].[district] IS NOT NULL
          ) AS [t22]
          CROSS JOIN [memtable_3] AS [t5]
        ) AS [t23]
        WHERE
          (
            [t23].[spread_copy] = 0
          ) OR (
            [t23].[district] IS NOT NULL
          )
      ) AS [t24]
    ) AS [t25]
    GROUP BY
      [t25].[month],
      [t25].[area]
  ) AS [t27]
    ON [t9].[month] = [t27].[month] AND [t13].[area] = [t27].[area]
) AS [t28]
ORDER BY
  CASE WHEN [t28].[month] IS NULL THEN 1 ELSE 0 END, [t28].[month] ASC,
  CASE WHEN [t28].[area] IS NULL THEN 1 ELSE 0 END, [t28].[area] ASC
