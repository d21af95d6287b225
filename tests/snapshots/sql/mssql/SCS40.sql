WITH [t15] AS (
  SELECT
    [t14].[snapshot_date],
    [t14].[post_id],
    [t14].[team_id],
    [t14].[fte],
    [t14].[case_holding],
    [t14].[filled],
    [t14].[qualified],
    [t14].[permanent],
    [t14].[team_id_right],
    [t14].[district],
    [t14].[team_kind],
    DATEFROMPARTS(DATEPART(year, [t14].[snapshot_date]), DATEPART(month, [t14].[snapshot_date]), 1) AS [month]
  FROM (
    SELECT
      [t6].[snapshot_date],
      [t6].[post_id],
      [t6].[team_id],
      [t6].[fte],
      [t6].[case_holding],
      [t6].[filled],
      [t6].[qualified],
      [t6].[permanent],
      [t11].[team_id] AS [team_id_right],
      [t11].[district],
      [t11].[team_kind]
    FROM [posts] AS [t6]
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
    (
      CAST(COALESCE([t27].[numerator], 0.0) AS FLOAT) / NULLIF(COALESCE([t27].[denominator], 0.0), 0)
    ) * 100.0 AS [value],
    COALESCE([t27].[numerator], 0.0) AS [numerator],
    COALESCE([t27].[denominator], 0.0) AS [denominator]
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
              IIF(
                [t20].[filled] <> 0 AND [t20].[qualified] <> 0 AND [t20].[permanent] <> 0,
                [t20].[fte],
                0.0
              ) AS [numerator],
              [t20].[fte] AS [denominator]
            FROM (
              SELECT
                [t17].[snapshot_date],
                [t17].[post_id],
                [t17].[team_id],
                [t17].[fte],
                [t17].[case_holding],
                [t17].[filled],
                [t17].[qualified],
                [t17].[permanent],
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
              [t20].[case_holding] <> 0
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
